# More of ping -6 and neighbour discovery through a router: the router flag a forwarding host's advertisements set, errors over several probes, -q, -s small, -w with -W, -I forms, PMTU at the device MTU, an unanswered neighbour over two probes.
ip netns add a
ip netns add r
ip netns add b
ip link add va address 02:00:00:00:09:01 type veth peer name ra address 02:00:00:00:09:02
ip link add rb address 02:00:00:00:09:03 type veth peer name vb address 02:00:00:00:09:04
ip link set va netns a
ip link set ra netns r
ip link set rb netns r
ip link set vb netns b
ip -n a -6 addr add 2001:db8:a::1/64 dev va nodad
ip -n r -6 addr add 2001:db8:a::ff/64 dev ra nodad
ip -n r -6 addr add 2001:db8:b::ff/64 dev rb nodad
ip -n b -6 addr add 2001:db8:b::1/64 dev vb nodad
ip -n a link set lo up
ip -n r link set lo up
ip -n b link set lo up
ip -n a link set va up
ip -n r link set ra up
ip -n r link set rb up
ip -n b link set vb up
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n a -6 route add default via 2001:db8:a::ff
ip -n b -6 route add default via 2001:db8:b::ff
sleep 3
ip netns exec a ping -6 -c 2 -i 0.5 2001:db8:b::1
ip -n a -6 neigh show
ip -n r -6 neigh show dev ra
ip -n b -6 neigh show
ip -n a -6 neigh show nud all 2001:db8:a::ff
ip -n a -j -6 neigh show 2001:db8:a::ff
ip netns exec a ping -6 -c 3 -i 0.3 -t 1 2001:db8:b::1
ip netns exec a ping -6 -c 3 -i 0.3 2001:db8:c::1
ip netns exec a ping -6 -c 3 -i 0.3 -q 2001:db8:b::1
ip netns exec a ping -6 -c 2 -W 1 2001:db8:a::99
ip -n a -6 neigh show 2001:db8:a::99
ip netns exec a ping -6 -c 1 -s 0 2001:db8:b::1
ip netns exec a ping -6 -c 1 -s 8 2001:db8:b::1
ip netns exec a ping -6 -c 1 -w 2 -W 1 2001:db8:b::99
ip netns exec a ping -6 -c 1 -I va 2001:db8:b::1
ip netns exec a ping -6 -c 1 -I 2001:db8:a::1 -s 100 2001:db8:b::1
ip netns exec a ping6 -c 1 -M do -s 1452 2001:db8:b::1
ip netns exec a ping6 -c 1 -M do -s 1453 2001:db8:b::1
ip netns exec a ping -6 -c 1 -M want -s 2000 2001:db8:b::1
ip netns exec b ping -6 -c 1 2001:db8:a::ff
ip netns exec b ping -6 -c 1 -t 1 2001:db8:a::1
