# A router namespace between two others: forwarding off then on, hop limits, time exceeded, no route, address unreachable, packet too big.
ip netns add a
ip netns add r
ip netns add b
ip link add va address 02:00:00:00:05:01 type veth peer name ra address 02:00:00:00:05:02
ip link add rb address 02:00:00:00:05:03 type veth peer name vb address 02:00:00:00:05:04
ip link set va netns a
ip link set ra netns r
ip link set rb netns r
ip link set vb netns b
ip -n a -6 addr add 2001:db8:a::1/64 dev va nodad
ip -n r -6 addr add 2001:db8:a::ff/64 dev ra nodad
ip -n r -6 addr add 2001:db8:b::ff/64 dev rb nodad
ip -n b -6 addr add 2001:db8:b::1/64 dev vb nodad
ip -n a link set va up
ip -n r link set ra up
ip -n r link set rb up
ip -n b link set vb up
ip -n a link set lo up
ip -n r link set lo up
ip -n b link set lo up
ip -n a -6 route add default via 2001:db8:a::ff
ip -n b -6 route add default via fe80::ff:fe00:503 dev vb
sleep 3
ip -n a -6 route
ip -n b -6 route
ip netns exec r sysctl net.ipv6.conf.all.forwarding
ip netns exec a ping -6 -c 1 2001:db8:a::ff
ip netns exec a ping -6 -c 1 2001:db8:b::ff
ip netns exec a ping -6 -c 2 -W 1 2001:db8:b::1
ip netns exec r sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec r sysctl net.ipv6.conf.ra.forwarding
ip netns exec a ping -6 -c 2 2001:db8:b::1
ip netns exec b ping -6 -c 1 2001:db8:a::1
ip -n r -6 neigh show 2001:db8:b::1 dev rb
ip netns exec a ping -6 -c 1 -t 1 2001:db8:b::1
ip netns exec a ping -6 -c 1 -t 2 2001:db8:b::1
ip netns exec a ping -6 -c 1 2001:db8:c::1
ip netns exec a ping -6 -c 1 -W 5 2001:db8:b::99
ip -n r -6 neigh show 2001:db8:b::99
ip -n r -6 route get 2001:db8:b::1 from 2001:db8:a::1 iif ra
ip -n r -6 route get 2001:db8:c::1 from 2001:db8:a::1 iif ra
ip -n a -6 route del default
ip netns exec a ping -6 -c 1 2001:db8:b::1
ip -n a -6 route get 2001:db8:b::1
ip -n a -6 route add default via 2001:db8:a::ff
ip -n r link set rb mtu 1280
ip -n b link set vb mtu 1280
ip netns exec a ping -6 -c 1 -s 1200 -M do 2001:db8:b::1
ip netns exec a ping -6 -c 1 -s 1400 -M do 2001:db8:b::1
ip netns exec a ping -6 -c 1 -s 1400 -M do 2001:db8:b::1
ip -n a -6 route get 2001:db8:b::1
ip netns exec a ping -6 -c 1 -s 1400 -M dont 2001:db8:b::1
ip netns exec r sysctl -w net.ipv6.conf.all.forwarding=0
ip netns exec a ping -6 -c 1 -W 1 2001:db8:b::1
ip -n r link set rb mtu 1200
ip -n r -6 addr show dev rb
ip -n r -6 route
ip netns exec a ping -6 -c 1 -W 1 2001:db8:b::1
