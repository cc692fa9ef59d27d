# ICMPv6 errors from a router, rate limited per destination (icmpv6_xrlim_allow(): net.ipv6.icmp.ratelimit 1000 ms, scaled by the prefix length of the route back, bursts of 6): hop limit exceeded and no route, ten probes 10 ms apart.
ip netns add a
ip netns add r
ip netns add b
ip link add va address 02:00:00:00:0d:01 type veth peer name ra address 02:00:00:00:0d:02
ip link add rb address 02:00:00:00:0d:03 type veth peer name vb address 02:00:00:00:0d:04
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
ip netns exec r sysctl net.ipv6.icmp.ratelimit
ip netns exec a ping -6 -c 10 -i 0.01 -t 1 2001:db8:b::1
ip netns exec a ping -6 -c 10 -i 0.01 2001:db8:c::1
sleep 2
ip netns exec a ping -6 -c 10 -i 0.01 -t 1 2001:db8:b::1
ip netns exec r sysctl -qw net.ipv6.icmp.ratelimit=0
ip netns exec a ping -6 -c 10 -i 0.01 -t 1 -q 2001:db8:b::1
