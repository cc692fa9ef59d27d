ip link add br0 type bridge
ip link show br0
ip link set br0 up
ip link show br0
ip link add v1 type veth peer name v2
ip link set v1 master br0
ip link show br0
ip link show v1
bridge link show
ip link set v1 up
ip link show br0
bridge link show
ip link set v2 up
ip link show br0
bridge link show
ip -d link show v1
ip link set v1 nomaster
ip link show br0
ip addr show br0
ip -j link show br0
bridge fdb show
bridge fdb show br br0
ip link del br0
ip link show v1
ifconfig v1 192.168.1.2/24
ip addr show v1
ifconfig v1
ifconfig
ifconfig v1 down
ip link show v1
ifconfig nosuch
ifconfig v1 10.0.0.300
ip route
ip link set v1 up
ip route
ip addr add 10.1.0.1/32 dev v1
ip route
ip link set lo up
ip addr show lo
ip route show table local
ip link set lo down
ip addr show lo
ip route show table all
