# ip maddr: the multicast groups each device joins (all-nodes, solicited-node, all-routers and subnet-router anycast with forwarding, a bridge's snoopers), by family, across link states, with static entries and every error.
ip netns add m1
ip link add va address 02:00:00:00:21:01 type veth peer name vb address 02:00:00:00:21:02
ip link set va netns m1
ip -n m1 maddr show
ip -n m1 link set lo up
ip -n m1 maddr show
ip -n m1 link set va up
ip -n m1 maddr show
ip -n m1 maddr show dev va
ip -n m1 -4 maddr show
ip -n m1 -6 maddr show
ip -n m1 -6 addr add 2001:db8:21::1/64 dev va nodad
ip -n m1 -6 maddr show dev va
ip -n m1 addr add 10.21.0.1/24 dev va
ip -n m1 maddr show dev va
ip netns exec m1 sysctl -w net.ipv6.conf.all.forwarding=1
ip -n m1 -6 maddr show dev va
ip -n m1 -6 maddr show dev lo
ip -n m1 link add br0 address 02:00:00:00:21:ff type bridge
ip -n m1 link set br0 up
ip -n m1 maddr show dev br0
ip -n m1 maddr add 33:33:00:00:00:99 dev va
ip -n m1 maddr show dev va
ip -n m1 maddr del 33:33:00:00:00:99 dev va
ip -n m1 maddr show dev va
ip -n m1 maddr show dev nosuch
ip -n m1 -j maddr show dev va
ip -n m1 maddr show dev vb
ip -n m1 link set va down
ip -n m1 maddr show dev va
ip netns add m2
ip -n m2 link add va address 02:00:00:00:22:01 type veth peer name vb address 02:00:00:00:22:02
ip -n m2 -6 addr add 2001:db8:22::1/64 dev va
ip -n m2 maddr show dev va
ip -n m2 link set va up
ip -n m2 maddr show dev va
ip -n m2 link set vb up
sleep 3
ip -n m2 maddr show dev va
ip -n m2 -6 addr add 2001:db8:22::2/64 dev va nodad
ip -n m2 -6 addr add 2001:db8:23::2/128 dev va nodad
ip -n m2 -6 maddr show dev va
ip netns exec m2 sysctl -w net.ipv6.conf.va.forwarding=1
ip -n m2 -6 maddr show dev va
ip netns exec m2 sysctl -w net.ipv6.conf.va.forwarding=0
ip -n m2 -6 maddr show dev va
ip netns exec m2 sysctl -w net.ipv6.conf.va.forwarding=1
ip -n m2 -6 addr del 2001:db8:22::2/64 dev va
ip -n m2 -6 maddr show dev va
ip -n m2 maddr show dev lo
ip -n m2 link set lo up
ip -n m2 maddr show dev lo
ip -n m2 link add br0 address 02:00:00:00:22:ff type bridge
ip -n m2 maddr show dev br0
ip -n m2 link set br0 up
ip -n m2 link set br0 down
ip -n m2 maddr show dev br0
ip -n m2 link set vb master br0
ip -n m2 maddr show dev vb
ip -n m2 -o maddr show dev va
ip -n m2 maddr show va
ip -n m2 maddr
ip -n m2 maddr add 01:00:5e:00:00:99 dev va
ip -n m2 maddr add 01:00:5e:00:00:99 dev va
ip -n m2 maddr show dev va
ip -n m2 maddr add 33:33:00:00:00:01 dev va
ip -n m2 maddr show dev va
ip -n m2 maddr del 33:33:00:00:00:01 dev va
ip -n m2 maddr del 33:33:00:00:00:01 dev va
ip -n m2 maddr del 01:00:5e:00:00:77 dev va
ip -n m2 maddr add 02:00:00:00:00:01 dev va
ip -n m2 maddr show dev va
ip -n m2 maddr del 02:00:00:00:00:01 dev va
ip -n m2 maddr add 01:00:5e:00:00:99 dev nosuch
ip -n m2 maddr add 01:00:5e:00:00:99
ip -n m2 maddr add 01:00:5e:00 dev va
ip -n m2 maddr add zz dev va
ip -n m2 maddr add 01:00:5e:00:00:98 dev lo
ip -n m2 maddr foo
ip -n m2 maddr help
ip -n m2 maddr show dev va dev vb
ip -n m2 -4 maddr
ip -n m2 -j maddr show dev lo
