# The IPv6 neighbour table beside ARP's with no IPv6 traffic but the kernel's own: the multicast entries links coming up leave and what removes them, add/change/replace, both families in listings, filters, proxy entries, errors, disable_ipv6.
ip netns add n1
ip netns add n2
ip link add veth1 address 02:00:00:00:03:01 type veth peer name veth2 address 02:00:00:00:03:02
ip link set veth1 netns n1
ip link set veth2 netns n2
ip -n n1 link set lo up
ip -n n2 link set lo up
ip -n n1 -6 neigh show nud all
ip -n n1 link set veth1 up
sleep 3
ip -n n1 -6 neigh show nud all
ip -n n2 link set veth2 up
sleep 3
ip -n n1 -6 neigh show nud noarp | sort
ip -n n2 -6 neigh show nud noarp | sort
ip -n n1 -6 neigh show nud all dev lo
ip -n n1 neigh show nud noarp | sort
ip -n n1 -4 neigh show nud noarp
ip -n n1 -6 neigh show
ip -n n2 neigh show
ip -n n1 -6 -j neigh show nud noarp dev veth1 ff02::2
ip -n n1 -6 neigh change 2001:db8:1::40 lladdr 02:00:00:00:99:40 dev veth1
ip -n n1 -6 neigh show 2001:db8:1::40
ip -n n1 -6 neigh add 2001:db8:1::40 lladdr 02:00:00:00:99:40 dev veth1 nud reachable
ip -n n1 -6 neigh change 2001:db8:1::40 lladdr 02:00:00:00:99:41 dev veth1 nud permanent
ip -n n1 -6 neigh show 2001:db8:1::40
ip -n n1 -6 neigh chg 2001:db8:1::40 dev veth1 nud stale
ip -n n1 -6 neigh show 2001:db8:1::40
ip -n n1 -6 neigh replace 2001:db8:1::40 dev veth1 nud noarp
ip -n n1 -6 neigh show nud noarp 2001:db8:1::40
ip -n n1 -6 neigh replace 2001:db8:1::40 lladdr 02:00:00:00:99:40 dev veth1 nud stale
ip -n n1 neigh add 2001:db8:1::41 lladdr 02:00:00:00:99:41 dev veth1
ip -n n1 -4 neigh add 2001:db8:1::42 lladdr 02:00:00:00:99:42 dev veth1
ip -n n1 -6 neigh add 2001:db8:1::42 lladdr 02:00:00:00:99:42 dev veth1 nud bogus
ip -n n1 -6 neigh add fe80::6 dev veth1 nud stale
ip -n n1 -6 neigh show fe80::6
ip -n n1 -6 neigh add 2001:db8:1::43 lladdr 02:00:00:00:99:43 dev veth1 nud noarp
ip -n n1 -6 -j neigh show nud noarp 2001:db8:1::43
ip -n n1 -6 -j neigh show 2001:db8:1::41
ip -n n1 -6 neigh show to 2001:db8:1::40/127 | sort
ip -n n1 -6 neigh show 2001:db8:1::41/128
ip -n n1 neigh show 2001:db8:1::41
ip -n n1 -6 neigh show to 10.0.0.0/8
ip -n n1 -6 neigh show 2001:db8:1::/129
ip -n n1 -6 neigh del 2001:db8:1::40
ip -n n1 -6 neigh del 2001:db8:1::45 dev veth1
ip -n n1 -6 neigh add 2001:db8:1::44 lladdr 02:00:00:00:99:44 dev lo
ip -n n1 -6 neigh show dev lo
ip -n n1 addr add 10.0.0.1/24 dev veth1
ip -n n1 neigh add 10.0.0.9 lladdr 02:00:00:00:99:09 dev veth1
ip -n n1 neigh show dev veth1 | sort
ip -n n1 -6 neigh show 10.0.0.9
ip -n n1 -4 neigh show dev veth1
ip -n n2 -6 neigh add proxy 2001:db8:1::50 dev veth2
ip -n n2 -6 neigh add proxy 2001:db8:1::50 dev veth2
ip -n n2 neigh add proxy 10.0.0.50 dev veth2
ip -n n2 -6 neigh add proxy 2001:db8:1::51 dev veth2
ip -n n2 -6 neigh add proxy 2001:db8:1::52
ip -n n2 -6 neigh show
ip -n n2 -6 neigh show proxy | sort
ip -n n2 neigh show proxy | sort
ip -n n2 -4 neigh show proxy
ip -n n2 -6 -j neigh show proxy 2001:db8:1::50
ip -n n2 -6 neigh show proxy dev veth2 2001:db8:1::51
ip -n n2 -6 neigh del proxy 2001:db8:1::59 dev veth2
ip -n n2 -6 neigh add 2001:db8:1::50 lladdr 02:00:00:00:99:50 dev veth2
ip -n n2 -6 neigh show 2001:db8:1::50
ip -n n2 -6 neigh del 2001:db8:1::50 dev veth2
ip -n n2 -6 neigh show proxy 2001:db8:1::50
ip -n n2 -6 neigh flush proxy dev veth2
ip -n n2 neigh show proxy
ip -n n1 -6 neigh flush dev veth1
ip -n n1 neigh show dev veth1 | sort
ip -n n1 -6 neigh flush nud all dev veth1
ip -n n1 -6 neigh show nud noarp | sort
ip -n n1 -6 neigh flush nud noarp dev veth1
ip -n n1 -6 neigh show nud noarp
ip -n n1 neigh show nud all dev veth1
ip -n n1 -6 neigh add 2001:db8:1::60 lladdr 02:00:00:00:99:60 dev veth1
ip -n n1 neigh add 10.0.0.60 lladdr 02:00:00:00:99:60 dev veth1
ip -n n1 -6 neigh add 2001:db8:1::61 lladdr 02:00:00:00:99:61 dev veth1 nud stale
ip -n n2 link set veth2 down
ip -n n1 neigh show nud all | sort
ip -n n2 link set veth2 up
sleep 3
ip -n n1 -6 neigh show nud noarp | sort
ip -n n1 link set veth1 down
ip -n n1 neigh show nud all
ip -n n1 link set veth1 up
sleep 3
ip -n n1 -6 neigh show nud noarp | sort
ip -n n1 -6 neigh add 2001:db8:1::61 lladdr 02:00:00:00:99:61 dev veth1
ip -n n1 neigh add 10.0.0.61 lladdr 02:00:00:00:99:61 dev veth1
ip netns exec n1 sysctl -w net.ipv6.conf.veth1.disable_ipv6=1
ip -n n1 neigh show nud all
ip -n n1 -6 neigh add 2001:db8:1::62 lladdr 02:00:00:00:99:62 dev veth1
ip -n n1 -6 neigh add proxy 2001:db8:1::63 dev veth1
ip -n n1 -6 neigh show proxy
ip netns exec n1 sysctl -w net.ipv6.conf.veth1.disable_ipv6=0
sleep 3
ip -n n1 neigh show nud all | sort
ip -n n1 link set veth1 mtu 1200
ip -n n1 neigh show nud all | sort
ip -n n1 -6 neigh add 2001:db8:1::64 lladdr 02:00:00:00:99:64 dev veth1
