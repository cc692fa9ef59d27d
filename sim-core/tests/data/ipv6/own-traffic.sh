# The kernel's own traffic, settled: counters after DAD probes, MLD reports and router solicitations with their sysctls changed; reports when an address joins a group on a ready link; a bridge's IGMP report (IPv4 only, MTU below 1280); a router learning soliciting hosts; tcpdump's ip6 and icmp6 filters on that traffic.
# Every MAC is fixed so fe80:: addresses and solicited-node groups are the same every run.
ip netns add o1
ip netns add o2
ip link add e1 address 02:00:00:00:0a:01 type veth peer name e2 address 02:00:00:00:0a:02
ip link set e1 netns o1
ip link set e2 netns o2
ip netns exec o1 sysctl -qw net.ipv6.conf.e1.router_solicitations=2
ip netns exec o1 sysctl -qw net.ipv6.conf.e1.dad_transmits=2
ip netns exec o2 sysctl -qw net.ipv6.conf.e2.router_solicitations=0
ip -n o1 link set e1 up
ip -n o2 link set e2 up
sleep 20
ip -n o1 -s link show e1
ip -n o2 -s link show e2
ip -n o1 -6 addr add 2001:db8:a::1/64 dev e1
sleep 3
ip -n o1 -s link show e1
ip -n o2 -s link show e2
ip -n o1 -6 maddr show dev e1
ip -n o1 -6 addr add 2001:db8:a::2/64 dev e1 nodad
sleep 2
ip -n o1 -s link show e1
ip netns add r
ip netns add h
ip link add rh address 02:00:00:00:0b:01 type veth peer name hr address 02:00:00:00:0b:02
ip link set rh netns r
ip link set hr netns h
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n r link set rh up
ip -n h link set hr up
sleep 3
ip -n r -6 neigh show dev rh
ip -n r -s link show rh
ip -n h -s link show hr
ip netns exec h timeout 10 tcpdump -nn -l -i hr -c 1 'icmp6 and ip6[40] == 133' & sleep 0.5; wait
ip netns exec r timeout 10 tcpdump -nn -l -e -i rh -c 1 icmp6 & sleep 0.5; wait
ip -n r -6 neigh show dev rh
ip netns add b
ip -n b link add br0 mtu 1000 address 02:00:00:00:0c:ff type bridge
ip -n b link add p1 mtu 1000 address 02:00:00:00:0c:01 type veth peer name p2 mtu 1000 address 02:00:00:00:0c:02
ip -n b link set p1 master br0
ip -n b link set p2 up
ip -n b link set p1 up
ip -n b link set br0 up
sleep 3
ip -n b -s link show br0
ip -n b -s link show p2
ip netns exec b timeout 3 tcpdump -nn -l -i p2 -c 1 igmp & sleep 0.2; ip -n b link set br0 down; ip -n b link set br0 up; wait
ip -n b -s link show br0
