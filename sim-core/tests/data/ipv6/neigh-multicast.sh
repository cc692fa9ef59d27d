# When the kernel's own IPv6 multicast neighbour entries appear: DAD probes for addresses without nodad (also one added later), no router solicitation from a router, none at all without a link-local address; an entry a refused add leaves.
ip netns add n1
ip netns add n2
ip link add veth1 address 02:00:00:00:03:01 type veth peer name veth2 address 02:00:00:00:03:02
ip link set veth1 netns n1
ip link set veth2 netns n2
ip -n n1 -6 addr add 2001:db8:1::1/64 dev veth1 nodad
ip -n n1 -6 addr add 2001:db8:1::11/64 dev veth1
ip -n n2 -6 addr add 2001:db8:1::2/64 dev veth2 nodad
ip netns exec n2 sysctl -w net.ipv6.conf.veth2.forwarding=1
ip -n n1 link set veth1 up
ip -n n2 link set veth2 up
sleep 3
ip -n n1 -6 neigh show nud noarp | sort
ip -n n2 -6 neigh show nud noarp | sort
ip -n n2 -6 neigh show
ip -n n1 -6 addr add 2001:db8:1::12/64 dev veth1
sleep 3
ip -n n1 -6 neigh show nud noarp | sort
ip -n n1 -6 neigh add fe80::5 dev veth1
ip -n n1 -6 neigh show nud all fe80::5
ip -n n1 link set veth1 addrgenmode none
ip -n n1 link set veth1 down
ip -n n1 link set veth1 up
sleep 3
ip -n n1 -6 neigh show nud all | sort
