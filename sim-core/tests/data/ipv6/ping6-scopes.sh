# ping -6 on one link: multicast with a scope, the host's own link-local address with and without a scope, -I lo, a global address with a scope, an unanswered link-local neighbour, ping6's own error prefixes, local fragmentation below the device MTU.
ip netns add s1
ip netns add s2
ip link add veth1 address 02:00:00:00:0a:01 type veth peer name veth2 address 02:00:00:00:0a:02
ip link set veth1 netns s1
ip link set veth2 netns s2
ip -n s1 -6 addr add 2001:db8:1::1/64 dev veth1 nodad
ip -n s2 -6 addr add 2001:db8:1::2/64 dev veth2 nodad
ip -n s1 link set lo up
ip -n s2 link set lo up
ip -n s1 link set veth1 up
ip -n s2 link set veth2 up
sleep 3
ip netns exec s1 ping -6 -c 1 ff02::1%veth1
ip netns exec s1 ping -6 -c 1 fe80::ff:fe00:a01%veth1
ip netns exec s1 ping -6 -c 1 fe80::ff:fe00:a01
ip netns exec s1 ping -6 -c 1 -I lo ::1
ip netns exec s1 ping -6 -c 1 2001:db8:1::2%veth1
ip netns exec s1 ping -6 -c 1 -W 1 fe80::1%veth1
ip -n s1 -6 neigh show
ip -n s2 -6 neigh show
ip netns exec s1 ping6 -c 1 10.0.0.2
ip netns exec s1 ping6 -c 1 -I nosuch 2001:db8:1::2
ip netns exec s1 ping6 -c 0 ::1
ip netns exec s1 ping6 -c 1 2001:db8::zz
ip netns exec s1 ping -4 -c 1 ::1
ip netns exec s1 ping6 -c 1 -I 2001:db8:9::9 2001:db8:1::2
ip -n s1 link set veth1 mtu 1280
ip netns exec s1 ping -6 -c 1 -s 1300 2001:db8:1::2
ip netns exec s1 ping -6 -c 1 -s 1300 -M do 2001:db8:1::2
ip -n s1 -6 route get 2001:db8:1::2
ip netns exec s1 ping -6 -c 2 -i 0.2 -W 1 2001:db8:1::2
