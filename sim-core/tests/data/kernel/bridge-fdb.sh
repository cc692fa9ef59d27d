ip link add br0 type bridge
ip -d link show br0
bridge fdb show
ip link set br0 up
bridge fdb show
ip link add v1 type veth peer name v2
bridge fdb show
ip link set v1 master br0
bridge fdb show
ip link set v1 up
ip link set v2 up
bridge fdb show
bridge fdb show br br0
bridge fdb show dev v1
bridge -d link show
bridge link show dev v1
ip link set v1 promisc on
ip link show v1
ip link set v1 arp off
ip link show v1
ip link set v1 multicast off
ip link show v1
ip -j link show v1
ip link set br0 down
bridge fdb show
bridge link
ip link show br0
