# Neighbour discovery: entries made by ping -6, permanent/noarp/stale entries, proxy NDP, flush, errors, and NDP failing.
ip netns add n1
ip netns add n2
ip link add veth1 address 02:00:00:00:03:01 type veth peer name veth2 address 02:00:00:00:03:02
ip link set veth1 netns n1
ip link set veth2 netns n2
ip -n n1 -6 addr add 2001:db8:1::1/64 dev veth1 nodad
ip -n n2 -6 addr add 2001:db8:1::2/64 dev veth2 nodad
ip -n n1 link set veth1 up
ip -n n2 link set veth2 up
ip -n n1 link set lo up
ip -n n2 link set lo up
sleep 3
ip -n n1 -6 neigh show
ip netns exec n1 ping -6 -c 1 2001:db8:1::2
ip -n n1 -6 neigh show
ip -n n2 -6 neigh show
ip -n n1 -6 neigh show dev veth1
ip -n n1 addr add 10.0.0.1/24 dev veth1
ip -n n2 addr add 10.0.0.2/24 dev veth2
ip netns exec n1 ping -c 1 10.0.0.2
ip -n n1 neigh
ip -n n1 -4 neigh
ip netns exec n1 ping -6 -c 1 fe80::ff:fe00:302%veth1
ip -n n1 -6 neigh show fe80::ff:fe00:302
ip -n n1 -6 neigh add 2001:db8:1::99 lladdr 02:00:00:00:99:99 dev veth1 nud permanent
ip -n n1 -6 neigh show 2001:db8:1::99
ip -n n1 -6 neigh add 2001:db8:1::99 lladdr 02:00:00:00:99:99 dev veth1
ip -n n1 -6 neigh replace 2001:db8:1::99 lladdr 02:00:00:00:99:98 dev veth1 nud stale
ip -n n1 -6 neigh show 2001:db8:1::99
ip -n n1 -6 neigh add 2001:db8:1::98 lladdr 02:00:00:00:99:97 dev veth1 nud noarp
ip -n n1 -6 neigh add fe80::99 lladdr 02:00:00:00:99:96 dev veth1
ip -n n1 -6 neigh show nud permanent
ip -n n1 -6 neigh show nud noarp
ip -n n1 -6 -j neigh show 2001:db8:1::98
ip -n n1 -6 neigh del 2001:db8:1::98 dev veth1
ip -n n1 -6 neigh del 2001:db8:1::98 dev veth1
ip -n n1 -6 neigh add 2001:db8:1::97 lladdr zz dev veth1
ip -n n1 -6 neigh add 10.0.0.1 lladdr 02:00:00:00:99:95 dev veth1
ip -n n1 -6 neigh add 2001:db8:1::96 lladdr 02:00:00:00:99:95 dev nosuch
ip -n n1 -6 neigh add 2001:db8:1::96 lladdr 02:00:00:00:99:95
ip -n n1 -6 neigh show dev veth1
ip -n n2 -6 neigh add proxy 2001:db8:1::50 dev veth2
ip -n n2 -6 neigh show proxy
ip netns exec n2 sysctl -w net.ipv6.conf.veth2.proxy_ndp=1
ip netns exec n1 ping -6 -c 1 -W 1 2001:db8:1::50
ip -n n1 -6 neigh show 2001:db8:1::50
ip netns exec n2 sysctl -w net.ipv6.conf.all.forwarding=1
sleep 3
ip -n n1 -6 neigh show 2001:db8:1::50
ip netns exec n1 ping -6 -c 1 -W 1 2001:db8:1::50 >/dev/null
ip -n n1 -6 neigh show 2001:db8:1::50
ip -n n2 -6 neigh del proxy 2001:db8:1::50 dev veth2
ip -n n2 -6 neigh show proxy
ip -n n1 -6 neigh flush dev veth1
ip -n n1 neigh show 10.0.0.2
ip -n n1 -6 neigh show
ip -n n1 -6 neigh flush nud all dev veth1
ip -n n1 -6 neigh show
ip netns exec n1 ping -6 -c 1 -W 5 2001:db8:1::77
ip -n n1 -6 neigh show 2001:db8:1::77
ip -n n1 -6 neigh show nud failed
