# The kernel's own IPv6 traffic when links come up (DAD probes, MLD reports, router solicitations): counters and a bridge's fdb after it settles.
# Every MAC is fixed, the bridge's too, so fdb lines and fe80:: addresses are the same every run.
ip netns add sw
ip netns add h1
ip netns add h2
ip -n sw link add br0 address 02:00:00:00:07:ff type bridge
ip link add p1 address 02:00:00:00:07:11 type veth peer name eth0 address 02:00:00:00:07:01
ip link add p2 address 02:00:00:00:07:12 type veth peer name eth1 address 02:00:00:00:07:02
ip link set p1 netns sw
ip link set p2 netns sw
ip link set eth0 netns h1
ip link set eth1 netns h2
ip -n sw link set p1 master br0
ip -n sw link set p2 master br0
ip -n sw -s link show p1
ip -n h1 -s link show eth0
ip -n sw link set br0 up
ip -n sw link set p1 up
ip -n sw link set p2 up
ip -n h1 link set eth0 up
ip -n h2 link set eth1 up
ip -n h1 link set lo up
ip -n h2 link set lo up
sleep 3
ip -n sw -s link show br0
ip -n sw -s link show p1
ip -n sw -s link show p2
ip -n h1 -s link show eth0
ip -n h2 -s link show eth1
ip netns exec h1 ifconfig eth0
ip netns exec sw ifconfig br0
ip netns exec sw bridge fdb show br br0
ip netns exec sw bridge fdb show dynamic
ip -n sw -6 addr show dev br0
ip -n h1 -6 addr show dev eth0
ip -n h1 -6 route show table local
ip -n h1 -6 maddr show dev eth0
ip -n sw -6 maddr show dev br0
sleep 15
ip -n sw -s link show br0
ip -n sw -s link show p1
ip -n h1 -s link show eth0
ip -n h2 -s link show eth1
ip netns exec h1 ifconfig eth0
ip netns exec sw bridge fdb show dynamic
ip netns exec h1 sysctl net.ipv6.conf.eth0.router_solicitations
ip netns exec h1 sysctl net.ipv6.conf.eth0.router_solicitation_interval
ip netns exec h1 sysctl net.ipv6.conf.eth0.dad_transmits
ip netns exec h1 sysctl net.ipv6.conf.eth0.mldv2_unsolicited_report_interval
ip -n h1 -6 addr add 2001:db8:7::1/64 dev eth0
ip -n h2 -6 addr add 2001:db8:7::2/64 dev eth1
sleep 3
ip netns exec h1 ping -6 -c 1 2001:db8:7::2
ip -n h1 -6 neigh show
ip netns exec sw bridge fdb show dynamic
ip -n sw -6 neigh show
ip -n h1 -s link show eth0
