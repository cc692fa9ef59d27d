# random-scenario.py 10 400: generated; recorded on a real kernel
ip -6 neigh add 10.0.1.6 lladdr 02:00:00:00:00:01 dev v0
ip -n red link set v3 netns red name v1
ip -n blue -br -6 addr
ip link set veth1 mtu 68
ip link add type veth
ip -o link
ip -j route
ip -o link
ip -6 neigh add fd00:0::1 lladdr 02:00:00:00:00:03 dev v1
ip link set veth1 name v%d
ip -n red -6 neigh
ip -n red link add type bridge
ip -n blue -br addr
ip -6 route add 2001:db8:9::/48 dev veth1
ifconfig v0 10.1.1.3/24
sysctl net.ipv4.conf.v0.rp_filter
ip -6 route add default via fd00:0::8
ip addr add 10.0.2.7/32 dev br1
ip -n red -6 route replace fd00:7::/64 dev br0 metric 2
ip -n red link add br1 type veth peer netns red
ip -6 neigh
ip -j -6 route
ip -n blue -6 route add fd00:7::/64 dev br0
sysctl -w net.ipv4.ip_forward=1
ip -n green link add type veth
ip -br addr
ip -j -6 route
ip -6 neigh del fd00:0::6 dev v1
ip -j -6 route
ip link set dev br0 up
ip neigh replace 10.1.1.2 lladdr 02:00:00:00:00:01 dev br0
ip -n blue addr show dev lo
ip link set veth0 addrgenmode none
ip route del default
ip link add v1 type veth peer netns red
ip -n blue -j addr
ip -n green -6 route show dev veth0
ifconfig veth2 10.2.1.7/24
ip link set veth0 name v%d
ip -j netns
sysctl net.ipv4.conf.veth2.forwarding
ip -6 route show dev veth0
ip -6 route add 2001:db8:1::/64 dev br1
ip -n red -br link
ip -n blue route replace 10.9.0.0/16 dev veth1 metric 0
ip -n red -6 route
ip -6 neigh add 10.0.0.1 lladdr 02:00:00:00:00:01 dev v2
ip -6 addr flush dev v3
bridge link
ip -6 neigh add 2001:db8:0::8 lladdr 02:00:00:00:00:05 dev veth0
ip -n red link set v0 address 02:00:00:00:00:22
ip link set v2 netns green name veth0
ip -n blue link add v%d type bridge
ip -n green route show table local
ip -6 route add 2001:db8:9::/48 dev v3
ip -n blue neigh replace 10.0.1.9 lladdr 02:00:00:00:00:01 dev br0
bridge -n red fdb show
ip -n green addr flush dev br1
ip addr
ip -n green link set v0 nomaster
ip -n red -6 neigh del fd00:0::5 dev veth2
sysctl net.ipv4.conf.all.forwarding
ip netns del red
ip netns exec green sysctl -w net.ipv4.ip_default_ttl=
ip -n green -6 addr del 2001:db8:1::3/64 dev veth1
ip -n red -6 neigh add fd00:1::2 lladdr 02:00:00:00:00:06 dev v2
ip link set v3 down
ip -6 route show dev veth1
ip link add veth%d type bridge
ip route replace 10.9.0.0/16 dev br1 metric 3
ip -j -6 route
ip -n green addr flush dev veth0
ip link set br1 name veth1
ip -6 route add fd00:7::/64 via 10.1.1.8
ip -n green addr show dev br1
ip -n blue link set lo netns blue
ip -n green route del default
ip -6 addr add 2001:db8:2::7/48 dev br1
ip -6 route add 2001:db8:1::/64 via 10.2.2.5
ip -n green -6 route add fd00:7::/64 via 10.1.2.1
ip -br -6 addr
ip -br -6 addr
ip route show table local
ip -n green link set br1 addrgenmode bogus
ip -n red link set dev br0 up
ip -6 route
ip -n blue -6 route show dev br1
sysctl -w net.ipv4.conf.veth0.proxy_arp=255
ip -n green neigh del 10.2.0.3 dev veth0
ip -6 route add prohibit fd00:7::/64
ip -6 addr flush dev v1
ip -6 addr
ip -n blue addr add fe80::5/64 dev v0
ip link add br%d type bridge
ip link set veth1 address 02:00:00:00:00:69
ip link add v0 type veth
ip -n green link add br%d type bridge
ip -br -6 addr
ip link add veth1 type veth
ip -n green -6 route replace 2001:db8:1::/64 dev v0 metric 3
ip -6 route add blackhole fd00:7::/64
ip -6 neigh del fd00:1::1 dev veth2
ip -6 route add blackhole fd00:7::/64
ip -n red neigh replace 10.0.1.9 lladdr 02:00:00:00:00:01 dev br1
ip neigh add 10.1.2.2 lladdr 02:00:00:00:00:01 dev br1
ip -n green -6 route add fd00:7::/64 dev veth1
ip -n red route show table local
ip link add v2 type veth peer name lo
ip -n blue neigh del 10.1.1.4 dev v1
ip link set v0 addrgenmode bogus
ip -6 route replace fd00:7::/64 dev veth0 metric 1
ip -br addr
ip -n blue -br link
ip addr flush dev veth0
ip netns exec red sysctl -w net.ipv4.conf.v1.rp_filter=255
ip -4 addr
ip -n green link set br1 name veth%d
ip addr add 2001:db8:2::3/64 dev lo
bridge fdb show
ip -6 route
ip neigh
ip neigh replace 10.2.0.9 lladdr 02:00:00:00:00:01 dev veth0
ip -n blue -6 addr flush dev v2
ip link set v3 netns red name lo
ip link del veth0
ip -o link
ip -j route
ip link set veth2 address 02:00:00:00:00:94
ip link del veth1
ip link add br0 type veth
ip -n green -6 neigh
ip -n blue link add v1 type veth peer name br0
ip -n blue -6 route
ip -6 addr add fe80::6/64 dev v1 nodad
ip -br addr
ip link add type veth
ip netns exec blue sysctl -w net.ipv4.ip_forward=1
ip -n green link set veth0 netns green
sysctl -w net.ipv4.ip_forward=0
ip -n blue link add type bridge
ifconfig lo down
ip -n green -6 route show dev lo
ip -n blue link add br0 type veth
ip netns del red
bridge -n green fdb show
ip -n green link add br1 type veth peer name v0 netns green
ip link add veth%d type bridge
ip -6 route add 2001:db8:9::/48 via 10.1.1.6
ip -n blue link set dev br0 up
ip -n blue link set veth2 nomaster
ip -n red -6 neigh add 10.0.2.6 lladdr 02:00:00:00:00:01 dev v3
ip -j -6 route
ip link set lo netns red
ip route add 10.9.0.0/16 dev v3
ip neigh del 10.0.1.4 dev v1
ip -n green addr add 10.1.1.9/8 dev br0
ip -6 addr add 10.1.2.4/24 dev veth0
ip link set dev veth2 up
ip link add v2 type bridge
ip addr add 10.1.0.8/24 brd + dev br1
ip link add type veth
sysctl net.ipv4.ip_forward
ip -6 route show dev br0
ip -n blue -6 addr show dev v3
ip -n red -j -6 route
ip -6 neigh del fe80::6 dev veth1
ip -n green -6 addr add 10.0.2.1/24 dev veth1
ip -6 addr add fd00:1::9/64 dev veth1 valid_lft forever preferred_lft 0
ip -n green link set br0 mtu 68
ip -br link
ip route flush dev br1
ip -6 neigh
ip link add veth2 type veth peer name v0 netns blue
ip link add type veth
ip -n red -br link
ip -6 addr del 2001:db8:1::1/64 dev v1
ip neigh
ip -4 addr
ip -n blue link show veth1
ip -n red addr show dev br0
ifconfig veth1 down
ip link
ip -n red addr show dev v0
ip -n blue addr del 10.2.2.5/24 dev v0
ip -n blue -6 addr show dev veth2
ip -6 route add 2001:db8:1::/64 dev lo
ip link add veth1 type veth peer netns red
ip -n blue route replace 10.9.0.0/16 dev veth1 metric 1
ip -n blue -j addr
ip -n blue -6 addr
ip -6 addr flush dev v3
ip -br addr
ip -d link show veth1
ip -6 route
ip -n blue addr
ip -n red -6 neigh
ip addr flush dev br0
ip -n green -6 route show dev veth2
ip link set lo name veth%d
ip -n red -br link
sysctl net.ipv4.conf.all.forwarding
ip -6 addr
ip route add default via 10.2.0.5
ip -6 neigh add fd00:1::8 lladdr 02:00:00:00:00:06 dev v3
ip -n green -6 neigh
ip -6 route
ip -6 addr add 10.2.2.7/24 dev v0
sysctl -w net.ipv6.conf.all.forwarding=1
ip link add type veth
ip -n red route add 10.7.0.0/16 dev v1
ip -n blue addr del 10.2.0.2/24 dev br0
ip -6 neigh add 10.0.1.5 lladdr 02:00:00:00:00:01 dev veth0
ip -n green addr del 10.1.1.8/24 dev v0
ip netns del green
ip -n green link set v0 netns green name v1
ip -n red link add type veth
ip -o link
ip link set v2 netns green name v0
ip link add v1 type veth
ip link show br0
ip -n blue link add veth%d type bridge
ip link add veth2 type veth
ip -n red link show veth2
ip -n blue -6 route replace 2001:db8:9::/48 dev veth0 metric 2
ip link add v0 type veth
ip link set v2 addrgenmode bogus
sysctl net.ipv4.conf.veth2.rp_filter
sysctl -w net.ipv6.conf.veth1.forwarding=0
ip -n green -br link
ip netns add red
ip addr flush dev br0
ip -n red -6 route del default
ip -n red link add br1 type bridge
ip link add type veth peer name v0
ip -n red -6 addr del fe80::4/64 dev v3
ip -6 neigh add fd00:1::2 lladdr 02:00:00:00:00:06 dev v2
ip -n red link add v1 type veth
ip -n blue route flush dev v2
ip -br link
ip -6 addr flush dev v1
ip -n green addr
ip link set veth1 netns blue name veth2
ip -j netns
ip -n green route replace 10.7.0.0/16 dev v3 metric 0
ip -j route
ip -n red -4 addr
ip -n green link set v1 netns green name veth2
ip netns exec green sysctl -w net.ipv4.ip_forward=
ip link
ip netns exec blue sysctl net.ipv4.ip_default_ttl
ip -n red link add v0 type veth peer netns red
ip -n green route add 10.8.1.0/24 via 10.1.2.8
ip -6 route add 2001:db8:9::/48 via fd00:1::7
ip -6 route add default via fe80::8
ip -n blue addr add 10.0.2.7/32 dev veth2
ip -j -6 route
ip -br link
ip netns exec red ifconfig br0 10.0.0.7/24
ip link add lo type veth peer netns green
ip -n red -6 addr del 2001:db8:0::2/64 dev v0
ip netns exec blue sysctl -w net.ipv4.ip_forward=255
ip link add br1 type bridge
ip -6 route show dev v0
ip -n green link
ip -n red -6 neigh add 10.1.1.1 lladdr 02:00:00:00:00:01 dev lo
ip netns add green
ip -6 addr add 2001:db8:2::4/128 dev veth1 nodad
ip -6 neigh add 2001:db8:0::3 lladdr 02:00:00:00:00:09 dev br0
ip -n blue link set dev br0 up
ip -6 addr flush dev veth1
ip -n green link add veth%d type bridge
ip -n green link add v1 type veth peer name veth1 netns green
ip -4 addr
ip link add br1 type bridge
ip link del v3
ip route
ip -br link
ip -n green link set br1 name v2
ip -n green link set dev v1 up
sysctl net.ipv4.conf.v3.rp_filter
ip -6 route add 2001:db8:1::/64 dev br1
ip -j -6 route
ip -n blue link add br0 type veth peer name veth0 netns blue
ip link set veth0 address 02:00:00:00:00:78
ip -n red -6 route
ip -n blue link add type bridge
ip -n green neigh del 10.1.1.4 dev br1
ip link set br0 address 02:00:00:00:00:11
ip -n blue route
ip link add type bridge
ip -6 route add 2001:db8:9::/48 dev v3
ip -6 neigh
ip link set v3 mtu 9000
ip netns add green
ip addr flush dev v2
ip addr
ip -6 neigh del fd00:1::7 dev v3
sysctl -w net.ipv4.conf.br1.proxy_arp=
ip -n red neigh del 10.1.1.6 dev lo
sysctl -w net.ipv4.ip_default_ttl=0
ip link set v2 master lo
ip -n blue -6 neigh add 10.1.0.4 lladdr 02:00:00:00:00:01 dev br0
ip -6 addr del fe80::3/64 dev br0
ip link set br0 netns red name veth1
ip netns list
sysctl net.ipv4.conf.all.forwarding
ip -6 addr del fe80::9/64 dev veth0
ip -6 route add 2001:db8:9::/48 via 10.0.1.8
ip -n green addr add 2001:db8:1::7/64 dev veth2
ip addr flush dev v1
ifconfig lo
bridge fdb show
ip neigh replace 10.2.1.8 lladdr 02:00:00:00:00:01 dev v3
ip -n blue link add v3 type veth peer netns blue
ip -6 route add fd00:7::/64 via 10.1.1.6
ip -d link show veth0
ip -6 neigh del 2001:db8:1::2 dev veth2
ip netns list
sysctl -w net.ipv6.conf.br0.disable_ipv6=1
ip -6 addr show dev veth0
ip -6 neigh add 10.0.2.4 lladdr 02:00:00:00:00:01 dev lo
ip -6 route add 2001:db8:1::/64 dev veth1
ip -6 neigh del fd00:0::1 dev veth0
ip -6 route add 2001:db8:1::/64 via 2001:db8:0::7
ip -n red route
ip -6 addr flush dev v0
ip -o link
ip -n blue -j route
ip link set v0 name v%d
ip link set v0 nomaster
ip -6 route add blackhole 2001:db8:9::/48
ifconfig v0 10.0.2.7/24
ip -n blue link set v3 nomaster
ip link add lo type veth peer name v2 netns blue
ip link add veth2 type bridge
ip netns exec blue ifconfig v0 10.2.0.5/24
ip -br link
ip netns exec green sysctl net.ipv4.conf.all.forwarding
ip -n green -6 addr del fd00:1::8/64 dev v1
bridge -n red fdb show
ip -n green route replace 10.7.0.0/16 dev veth2 metric 0
ip -n red -6 neigh del 2001:db8:2::6 dev veth0
ip neigh add 10.2.1.8 lladdr 02:00:00:00:00:01 dev v1
bridge -n blue fdb show
ip -n green link add veth2 type bridge
ip -n blue link add type veth
ip -6 addr
ip addr
ip -n blue -6 route add unreachable fd00:7::/64
ip route replace 10.9.0.0/16 dev v1 metric 0
ip netns list
ip -n green link add br1 type bridge
ip -br link
ip addr del 10.1.0.1/24 dev v1
ip route flush dev veth0
ip netns exec blue sysctl -w net.ipv4.conf.all.forwarding=0
ip -br link
ip link set veth0 netns blue name lo
ip -n blue link add v%d type bridge
ip -6 addr add fe80::1/64 dev veth0 valid_lft forever preferred_lft 30
ip -6 route
bridge fdb show
ip link set br1 addrgenmode none
sysctl -w net.ipv6.conf.all.disable_ipv6=0
ip link show type veth
ip -6 route
ip link add type bridge
ip link set v3 mtu 9000
sysctl -w net.ipv6.conf.all.forwarding=1
ip -n blue link set lo netns blue name veth0
ip -n green addr
ip -n green -6 route
ip link add type bridge
ip -n red link set v3 netns red
ip route add default via 10.1.2.4
ip -n blue -j route
ip -n red neigh
sysctl -w net.ipv6.conf.all.disable_ipv6=0
ip -j netns
ip link set veth0 netns green name br1
ip -n red -j -6 route
ip -6 route show dev br0
ip route flush dev veth1
ip -n blue -6 neigh del fd00:1::3 dev v3
ip netns exec green ifconfig v3
ip -n blue route replace 10.9.0.0/16 dev lo metric 1
ip link add type veth peer name br0
ip -6 neigh add 10.0.2.8 lladdr 02:00:00:00:00:01 dev br0
ip -n red link set v3 netns red
ip link set v0 addrgenmode none
ip -n red route show table local
ip -6 neigh del 2001:db8:1::6 dev br0
ip -n green -j route
ip -n red -br link
ip link add lo type veth peer netns blue
ip link set br1 netns red name veth0
ip -n blue -br -6 addr
ip -n green -6 addr del fd00:1::1/64 dev veth1
ip -n red -6 route add prohibit 2001:db8:1::/64
ip -6 route add 2001:db8:1::/64 dev v2
