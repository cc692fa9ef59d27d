# Duplicate address detection in real time: tentative, then settled, a duplicate (dadfailed), addrgenmode, disable_ipv6.
ip netns add left
ip netns add right
ip link add vl address 02:00:00:00:02:01 type veth peer name vr address 02:00:00:00:02:02
ip link set vl netns left
ip link set vr netns right
ip -n left -6 addr add 2001:db8:a::1/64 dev vl
ip -n left -6 addr show dev vl
ip -n left -6 route
ip -n left link set vl up
ip -n left -6 addr show dev vl
ip -n right link set vr up
ip -n left -6 addr show dev vl
ip -n left -6 route show table local
sleep 3
ip -n left -6 addr show dev vl
ip -n left -6 route
ip -n left -6 route show table local
ip -n right -6 addr show dev vr
ip -n right -6 addr add 2001:db8:a::1/64 dev vr
ip -n right -6 addr show dev vr
sleep 3
ip -n right -6 addr show dev vr
ip -n right -6 -j addr show dev vr
ip -n right -6 -br addr show dev vr
ip -n right -6 route
ip -n right -6 route show table local
ip -n right -6 addr del 2001:db8:a::1/64 dev vr
ip -n right -6 addr add 2001:db8:a::2/64 dev vr
sleep 3
ip -n right -6 addr show dev vr
ip netns exec right sysctl net.ipv6.conf.vr.accept_dad
ip netns exec right sysctl net.ipv6.conf.vr.dad_transmits
ip netns exec right sysctl -w net.ipv6.conf.vr.accept_dad=0
ip -n right -6 addr add 2001:db8:a::1/64 dev vr
ip -n right -6 addr show dev vr
ip -n left -d link show vl
ip -n left link set vl addrgenmode none
ip -n left -6 addr show dev vl
ip -n left link set vl down
ip -n left link set vl up
ip -n left -6 addr show dev vl
ip -n left -d link show vl
ip -n left link set vl down
ip -n left link set vl addrgenmode random
ip -n left link set vl up
ip -n left -6 addr show dev vl scope link
ip -n left link set vl down
ip -n left link set vl addrgenmode eui64
ip -n left link set vl up
ip -n left -6 addr show dev vl scope link
ip -n left link set vl addrgenmode stable_secret
ip -n left link set vl addrgenmode bogus
ip netns exec left sysctl -w net.ipv6.conf.vl.disable_ipv6=1
ip -n left -6 addr show dev vl
ip -n left addr show dev vl
ip -n left -6 addr add 2001:db8:b::1/64 dev vl
ip -n left -6 route
ip -n left -6 route add 2001:db8:c::/64 dev vl
ip netns exec left sysctl -w net.ipv6.conf.vl.disable_ipv6=0
ip -n left -6 addr show dev vl
sleep 3
ip -n left -6 addr show dev vl
ip netns exec left sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip -n left -6 addr show
ip netns exec left sysctl net.ipv6.conf.vl.disable_ipv6
ip netns exec left sysctl -w net.ipv6.conf.nosuch.disable_ipv6=1
