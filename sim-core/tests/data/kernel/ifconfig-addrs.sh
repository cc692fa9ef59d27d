# ifconfig shows one IPv4 address per device (SIOCGIFADDR: the first whose
# label is the device's name) and, on a broadcast device, its broadcast
# address as the kernel keeps it: 0.0.0.0 when `ip addr add` gave none.
ip link add v0 type veth peer name v1
ip link add v2 type veth peer name v3
ip link add v4 type veth peer name v5
ip link add br0 type bridge
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.0.1.1/24 brd + dev v1
ip addr add 10.0.2.1/32 dev v2
ip addr add 10.0.3.0/31 dev v3
ip addr add 10.0.3.2/31 dev v4
ip addr add 10.0.4.1/24 brd 10.0.4.99 dev v5
ip addr add 10.0.5.1/32 dev br0
ifconfig v0
ifconfig v1
ifconfig v2
ifconfig v3
ifconfig v4
ifconfig v5
ifconfig br0
ip addr add 10.0.0.2/24 dev v0
ip addr add 10.0.9.1/16 brd + dev v0
ifconfig v0
ip addr del 10.0.0.1/24 dev v0
ifconfig v0
ip addr add 10.0.6.1/24 dev v1 label v1:a
ifconfig v1
ifconfig v1:a
ip addr flush dev v1
ip addr add 10.0.6.1/24 dev v1 label v1:a
ifconfig v1
ifconfig v1:a
ifconfig -a
ip link set v0 up
ip link set v1 up
ip link set lo up
ifconfig
ifconfig lo
ifconfig v2 10.0.7.1
ifconfig v2
ifconfig v2 10.0.7.1/32
ifconfig v2
ifconfig v2 10.0.7.1/31
ifconfig v2
ifconfig v2 10.0.7.1 netmask 255.255.255.255
ifconfig v2
ifconfig v2 broadcast 10.0.7.9
ifconfig v2
ip addr show dev v2
ifconfig br0 0.0.0.0
ifconfig br0
ip addr show dev br0
