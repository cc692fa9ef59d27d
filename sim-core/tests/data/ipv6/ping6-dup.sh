# ping -6 to all nodes on one veth link: the sender answers itself first, the peer's answer is a duplicate ping counts but, the destination being multicast, does not mark (DUP!).
ip netns add d1
ip netns add d2
ip link add veth1 address 02:00:00:00:0c:01 type veth peer name veth2 address 02:00:00:00:0c:02
ip link set veth1 netns d1
ip link set veth2 netns d2
ip -n d1 link set lo up
ip -n d2 link set lo up
ip -n d1 link set veth1 up
ip -n d2 link set veth2 up
sleep 3
ip netns exec d1 ping -6 -c 2 -i 0.5 ff02::1%veth1
ip netns exec d1 ping -6 -c 3 -i 0.3 -q ff02::1%veth1
ip -n d1 -6 neigh show
ip -n d2 -6 neigh show
ip -n d1 link set lo down
ip netns exec d1 ping -6 -c 2 -i 0.5 ff02::1%veth1
