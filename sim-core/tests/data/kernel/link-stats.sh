# ip -s -s link: the error counters, and carrier changes (transns) as veths and a bridge come and go; ip -s -j and -s -s -j.
# The MTUs are below 1280, so the kernel sends no IPv6 of its own; a bridge still sends a packet when it comes up, so only its transns line is read.
ip link add va mtu 1000 type veth peer name vb mtu 1000
ip -s -s link show va
ip link set va up
ip -s -s link show va
ip link set vb up
ip -s -s link show va
ip -s -s link show vb
ip link set vb down
ip -s -s link show va
ip link set vb up
ip link set va down
ip -s -s link show va
ip -s -s link show vb
ip -s -s -j link show va
ip -o -s -s link show vb
ip -s -j link show vb
ip link add br0 mtu 1000 type bridge
ip -s -s link show br0 | tail -1
ip link set br0 up
ip -s -s link show br0 | tail -1
ip link set vb master br0
ip -s -s link show br0 | tail -1
ip link set va up
ip -s -s link show br0 | tail -1
ip -s -s link show vb | tail -1
ip link set lo up
ip -s -s link show lo
ip -s -s -j link show lo
ip -s -j link show lo
