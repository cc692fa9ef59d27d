# MTUs on the packet path: fragments and their counters, DF and ping -M, veth and bridge drops (ENOBUFS for a local sender),
# routers answering "Frag needed", learnt path MTUs in ip route get and ip route show cache, and flushing them.
# The counters are read on links whose MTU is below 1280, where the kernel sends no IPv6 of its own.
ip netns add a
ip netns add b
ip link add va netns a mtu 1200 type veth peer name vb netns b mtu 1200
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec a ping -c 1 -s 1172 10.0.0.2
ip -n a -s link show va
ip netns exec a ping -c 1 -s 1173 10.0.0.2
ip netns exec a ping -c 1 -M dont -s 3000 10.0.0.2
ip -n a -s link show va
ip -n b -s link show vb
ip netns exec a ping -c 1 -M do -s 1173 10.0.0.2
ip netns exec a ping -c 1 -M maybe 10.0.0.2
ip -n b link set vb mtu 1000
ip netns exec a ping -c 1 -W 1 -s 1172 10.0.0.2
ip netns exec a ping -c 2 -i 0.2 -W 1 -s 1172 10.0.0.2
ip netns exec a ping -c 1 -s 983 10.0.0.2
ip netns exec a ping -c 1 -s 990 10.0.0.2
ip -n a -s link show va
ip -n b -s link show vb
ip -n a link set va mtu 1000
ip netns exec a ping -c 1 -s 1172 10.0.0.2
ip -n a -s link show va
ip -n b -s link show vb
ip -n a route add 10.9.0.0/16 dev va mtu 900
ip netns exec a ping -c 1 -W 1 -M do -s 900 10.9.0.1
ip -n a route get 10.9.0.1
ip -n a route show cache
ip -n a -s -s link show lo
ip netns add r
ip netns add c
ip link add ra netns r type veth peer name vc netns c
ip link add rb netns r type veth peer name vr netns b
ip -n r addr add 10.0.1.1/24 dev ra
ip -n c addr add 10.0.1.2/24 dev vc
ip -n r addr add 10.0.2.1/24 dev rb
ip -n b addr add 10.0.2.2/24 dev vr
ip -n r link set ra up
ip -n c link set vc up
ip -n r link set rb up
ip -n b link set vr up
ip -n c route add default via 10.0.1.1
ip -n b route add 10.0.1.0/24 via 10.0.2.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec c ping -c 1 10.0.2.2
ip -n r link set rb mtu 1300
ip -n b link set vr mtu 1300
ip netns exec c ping -c 2 -M do -s 1400 10.0.2.2
ip -n c route get 10.0.2.2
ip -n c route show cache
ip -n c -j route show cache
ip netns exec c ping -c 2 -M do -s 1400 10.0.2.2
ip netns exec c ping -c 2 -s 1400 10.0.2.2
ip netns exec c ping -c 1 -M do -s 1272 10.0.2.2
ip netns exec c ping -c 1 -M dont -s 1400 10.0.2.2
ip -n c route get 10.0.1.1
ip netns exec b ping -c 1 -s 1400 10.0.1.2
ip -n r link set rb mtu 1000
ip netns exec c ping -c 1 -s 1200 10.0.2.2
sleep 1
ip -n c route get 10.0.2.2
ip -n r link set rb mtu 500
ip netns exec c ping -c 1 -M do -s 600 10.0.2.2
sleep 1
ip -n c route get 10.0.2.2
ip netns exec c ping -c 1 -s 600 10.0.2.2
ip netns exec c ping -c 1 -M do -s 600 10.0.2.2
ip -n c route flush cache
ip -n c route show cache
ip -n c route get 10.0.2.2
ip netns exec c ping -c 1 -M want -s 600 10.0.2.2
ip netns exec c sysctl -w net.ipv4.route.flush=1
ip -n c route get 10.0.2.2
ip netns exec c sysctl net.ipv4.route.flush
ip -n c route show cached
ip -n c route list table cache
