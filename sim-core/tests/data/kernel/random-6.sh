# random-scenario.py 6 400: generated; recorded on a real kernel
ip link add br%d type bridge
ip -n blue route add 10.9.0.0/16 dev v3
ip -o link
ip route
ip -o link
ip addr add 10.0.2.9/16 dev v2
ip -n blue neigh
ip -n green link add lo type veth peer name lo netns green
ip link add type veth
ip -n green route add 10.9.0.0/16 via 10.2.0.5
ip link set veth0 name v%d
ip link set v2 down
sysctl net.ipv4.conf.br1.proxy_arp
ip link show v3
ip link add veth2 type veth
ifconfig v0 down
ip -br link
ip link add br%d type bridge
ip netns exec red ifconfig br0
ip addr del 10.1.1.9/24 dev br1
ip -n red link set v0 name v0
ip route replace 10.7.0.0/16 dev v2 metric 2
ip -n green link show lo
ip route flush dev lo
ip -n green -br link
ip route show table all
ip addr flush dev veth0
ip route add 10.9.0.0/16 dev br0
ip -n blue link add veth2 type veth
ip netns add blue
ip netns exec blue ifconfig veth0 10.0.2.6/24
ip -n green addr show dev br1
ip -n blue link set v1 address 02:00:00:00:00:45
ip -br link
ip route flush dev v2
ip -n red link add type veth peer name v0
sysctl -w net.ipv4.ip_forward=1
sysctl -w net.ipv4.conf.v0.rp_filter=3
ip -n green link add type veth
ip -n red link set lo nomaster
ip netns list
ip link set lo netns blue name br0
ip route add 10.8.1.0/24 via 10.1.2.1
ip -n blue link show br1
ip netns exec red sysctl net.ipv4.conf.br0.rp_filter
sysctl net.ipv4.conf.veth2.rp_filter
ip link add veth%d type bridge
ip link set v1 netns green name v1
ip -n red link set v3 address 02:00:00:00:00:33
ip -n red route show table local
ip link add type veth
ip link set veth0 master lo
ifconfig veth1 down
bridge -n green fdb show
ip -n green link set br1 name v%d
ifconfig br0 down
ip link add type veth
ip -n blue neigh add 10.0.1.7 lladdr 02:00:00:00:00:09 dev veth2
ip link add lo type veth peer netns blue
ip -n red link add type veth
ip route del 10.9.0.0/16
ip -n blue -br link
ip link del v2
ip neigh add 10.2.0.8 lladdr 02:00:00:00:00:03 dev br0
ip netns exec red sysctl -w net.ipv4.ip_forward=255
ip -br link
ip -n red link add type bridge
ip route flush dev v1
ip neigh add 10.0.2.4 lladdr 02:00:00:00:00:01 dev lo
sysctl -w net.ipv4.ip_default_ttl=256
ip link set dev br0 up
ip netns exec red sysctl net.ipv4.conf.v1.forwarding
ip -n green link add type bridge
ifconfig veth2 down
bridge link
ip -4 addr
ip link set lo netns red name veth0
ip link set br0 name br0
ip netns exec red ifconfig br0 10.2.0.9/24
ip -j addr
ip -n red -4 addr
ip -n red -d link show veth1
ip addr add 10.0.1.6/24 brd + dev veth0
ip -br link
ip link set veth1 address 02:00:00:00:00:90
ip link add br1 type veth peer name veth2 netns green
ip -n blue link del v0
ip -n red route flush dev veth0
ip link set br1 netns green
ip netns exec red sysctl net.ipv4.conf.veth1.proxy_arp
ip -n red link set veth1 down
ip netns del red
ip -n blue route flush dev v0
ip link set v1 netns red name veth0
ip netns list
ip netns exec blue sysctl net.ipv4.conf.br0.forwarding
ip -n red link add type veth
ip -n blue -d link show lo
ip link set br1 name v%d
ip -n green neigh add 10.0.1.5 lladdr 02:00:00:00:00:05 dev br1
ip link add veth1 type veth peer name v3 netns blue
ip -n red link add type veth
ip -j addr
ip link add type veth peer name v3
ip -n red link add veth1 type veth peer netns red
ip route add 10.9.0.0/16 dev veth1
ip -n red route add default via 10.0.0.8
ip -n red -j addr
ip -4 addr
ip -n red neigh replace 10.0.1.7 lladdr 02:00:00:00:00:01 dev veth1
ip -n red link set veth0 name v%d
ip route show table all
ip link add veth%d type bridge
sysctl -w net.ipv4.ip_forward=2
ip -n red route
ip link add type veth
ip -n red route show table all
ip -j netns
ip addr add 10.2.0.9/31 dev v2
ip -br link
ip -n green link set br0 name veth%d
ip -n green link add type veth peer name br1
ip link set veth1 mtu 70000
ip link add v2 type veth peer netns red
ip link set veth1 down
bridge -n green fdb show
ip addr add 10.0.0.4/31 dev v0
ip -n blue link add br1 type veth
ip link add type veth
ip -n blue route replace 10.9.0.0/16 dev veth1 metric 3
ip netns exec green sysctl net.ipv4.conf.veth0.forwarding
ip link add veth2 type bridge
ip addr del 10.1.1.1/24 dev veth2
sysctl net.ipv4.ip_default_ttl
ip -n red -br link
ip addr del 10.0.0.6/24 dev veth1
ip -n green neigh add 10.2.1.3 lladdr 02:00:00:00:00:04 dev veth0
ip -n green -br addr
ip link add type bridge
ip route show table all
ip link add veth2 type bridge
ip -n blue link set v1 down
ip link add br0 type bridge
ifconfig v3 down
ip netns list
ip addr add 10.1.2.1/8 dev br0
ip -n blue link
ip netns list
ip link show type veth
ip -n green route add 10.7.0.0/16 dev v3
sysctl net.ipv4.conf.all.forwarding
sysctl net.ipv4.conf.lo.forwarding
ip -n red addr
ip route add 10.8.1.0/24 via 10.0.2.5
ip -n blue route add 10.7.0.0/16 dev v2
ip -n green neigh
ip link show v0
ip link add type bridge
ip -j addr
ip link set v3 name v%d
ip -n red link set veth0 address 02:00:00:00:00:35
ip link add v%d type bridge
ip -n green link set veth1 mtu 9000
ip -n red addr add 10.0.2.3/16 dev veth0
ifconfig veth2
ip -n blue -j route
ip netns exec green sysctl net.ipv4.conf.lo.rp_filter
ip -n blue addr add 10.0.0.4/30 dev lo
ip route show table local
ifconfig lo down
ip -n green addr show dev veth0
ip -br link
ip -br addr
ip link add type bridge
sysctl -w net.ipv4.conf.veth1.proxy_arp=256
ip link set veth2 nomaster
ip link set v1 netns blue name v2
ip -j route
ip addr add 10.2.0.2/24 brd + dev v2
ip addr flush dev v1
ip -n red link add v3 type veth peer name veth1
ifconfig v2 10.1.2.1/24
ip -n green link show type veth
ip -n blue neigh replace 10.2.0.9 lladdr 02:00:00:00:00:01 dev v0
ip -br link
ip -n red neigh add 10.1.2.6 lladdr 02:00:00:00:00:09 dev br0
ip netns exec blue ifconfig v1 10.1.1.6/24
ip -n green route show table local
ip neigh del 10.0.0.3 dev veth2
ip route show table local
sysctl -w net.ipv4.conf.v0.proxy_arp=0
ip -n blue link show v3
ip link add v3 type bridge
ip link set v2 name v%d
ip -n red link set v1 netns red name v0
ip -o link
ip netns exec red sysctl net.ipv4.conf.all.forwarding
ip netns list
ip -j netns
ip link add type bridge
ip netns add blue
sysctl net.ipv4.conf.v1.forwarding
sysctl net.ipv4.ip_default_ttl
ip -j route
ip -n red -br link
ip netns exec green sysctl -w net.ipv4.ip_forward=0
ip addr flush dev br0
sysctl -w net.ipv4.ip_forward=0
ip -br link
ip link add v1 type veth
ip netns exec red sysctl -w net.ipv4.ip_forward=x
ip link add v%d type bridge
ip -j addr
ip -n red addr add 10.2.1.5/24 brd + dev veth1
ip -j route
ip route replace 10.7.0.0/16 dev br0 metric 2
ip addr
ip -n blue -j addr
ip -n blue link set veth2 master v3
ip -n blue link set lo master v0
ip -n red link
ip -j route
sysctl -w net.ipv4.conf.v0.proxy_arp=x
sysctl net.ipv4.ip_forward
bridge -n green fdb show
ip addr add 10.2.2.1/24 brd + dev veth2
ip link add type veth peer name br1
ip link add veth1 type veth peer name veth1
bridge -n blue fdb show
ip -j netns
ip -br link
ip link set v3 netns red name v2
ip route del 10.9.0.0/16
ip addr flush dev veth2
ip -n green route add 10.7.0.0/16 dev veth1
ip addr del 10.0.1.4/24 dev br1
ip link add br0 type bridge
ip -n green link add type veth peer name veth2
ifconfig v2 down
bridge -n red link
ip route replace 10.9.0.0/16 dev veth0 metric 1
ip link
ip -n blue addr
ip -n red addr show dev br1
ip route show table local
ip -n blue addr show dev v3
ip netns exec blue ifconfig lo 10.0.2.1/24
ip -j netns
ip -n red link set br0 master br0
ip -n red link del lo
ifconfig br0 down
ip addr
ip -n blue link show br1
ifconfig veth0
ip netns list
ip link set veth0 name veth%d
ip route del default
ip -n red addr add 10.2.2.5/24 brd + dev v3
ifconfig v1 10.1.1.1/24
ip -n blue route add 10.9.0.0/16 dev v2
ip neigh add 10.0.2.4 lladdr 02:00:00:00:00:09 dev veth0
ip neigh
ip -n green -br addr
ip link add type veth peer name veth1
ip -n red route
ip link set veth2 down
ifconfig v2 10.1.0.9/24
ip -br addr
ip -br addr
ip -n blue link set dev v0 up
ip link add veth1 type veth
ip netns del red
ip -n green route replace 10.7.0.0/16 dev br0 metric 3
ip neigh add 10.0.0.8 lladdr 02:00:00:00:00:02 dev veth0
ip -n blue link set v2 netns blue name v3
ip addr
ip netns exec blue ifconfig br0 down
ip -n green -br addr
ip -n blue link add type veth peer name v3
ip addr add 10.0.0.7/30 dev veth2
ip -n blue addr add 10.2.1.6/32 dev v0
ip -br link
ip -n red -j route
ifconfig v2 down
ip link add br1 type veth peer name v0 netns green
ip netns del red
ip -o link
ip -n blue link set v2 mtu 9000
ip netns add green
ip -n red route show table all
ip -n blue link add type veth
ip route
ip link set veth2 master lo
ip link
bridge fdb show
ip -j route
ip -n blue -j route
ip -n green link set br0 netns green name lo
ip route add 10.9.0.0/16 dev br0
ip neigh replace 10.1.2.3 lladdr 02:00:00:00:00:01 dev br0
bridge -n red fdb show
ip link show v1
ip -n red link set v0 netns red name v2
ip link add v2 type veth peer name v0 netns green
ip -n red link set v0 master v2
ip neigh replace 10.1.2.9 lladdr 02:00:00:00:00:01 dev br1
ip -n blue link add type veth
ifconfig br0 10.0.2.7/24
ip link set br0 name v2
ip -br link
ip -n green link set br0 name veth%d
ip link show veth2
ip -n red link add br%d type bridge
ip link add veth2 type veth
ip link add veth0 type veth peer name v2 netns red
ip -n red link add veth2 type veth peer name veth0 netns red
ip link add type veth
ip neigh del 10.2.0.8 dev v0
ip link set veth1 netns red
ip -n blue link set veth0 mtu 1400
sysctl -w net.ipv4.ip_default_ttl=255
bridge link
ip link add v1 type veth
ip route show table local
bridge -n green link
ip -n green -4 addr
ip link add br1 type veth peer name lo netns red
ip -br link
ip addr del 10.2.2.7/24 dev v0
ifconfig v1
ip -j addr
ip -n green link add type bridge
ip -n green link add v1 type veth peer netns green
ip route show table all
ip link add veth2 type veth peer netns red
ip -n blue link add veth1 type veth peer netns blue
ip netns add green
ip -n green -br link
ip link add lo type veth
ip route flush dev v2
ip -n red addr show dev v0
ip -n blue link add v1 type bridge
ip -n green link set br1 down
ip link show v3
ip -n blue addr add 10.2.0.3/16 dev br1
ifconfig veth2 down
ip link set br0 nomaster
ip route show table all
ip netns del red
ip -br addr
ip link add type bridge
ip neigh
ip -n green link set v2 mtu 68
ip -br link
ip route show table all
ip -n blue route flush dev br0
ip addr add 10.1.2.7/32 dev v3
ip link show br1
ip -n red link
ip link set br1 netns green name v1
ifconfig v0 down
ip -n green link set lo address 02:00:00:00:00:55
ip netns list
ip -n green link add br1 type veth peer netns green
ip -n green route del 10.9.0.0/16
ip -n blue addr del 10.0.2.1/24 dev veth0
ip -j route
ip -n green addr flush dev lo
ip link add type veth
ip link
bridge link
bridge fdb show
ifconfig v0 10.1.0.3/24
ip link add veth%d type bridge
ip netns exec green sysctl -w net.ipv4.ip_default_ttl=
ip link set v2 name v%d
ip -n blue link set veth2 netns blue
ip -br link
ip -n blue link show type veth
ip -n blue link add br1 type veth
ip route
ip -n red link set veth2 nomaster
ip -n red link add type veth
ip -n green link set lo name veth%d
ip -n blue link set v1 netns blue name veth0
ip -j netns
ip -n green link add v2 type veth
bridge -n red fdb show
ip link set v0 name veth%d
ip link add type bridge
ip -n green link add veth2 type veth
ip route add default via 10.1.0.2
sysctl -w net.ipv4.ip_default_ttl=256
ip -n blue link set v3 mtu 68
ip -n green -br link
ip -n blue -o link
ip -n red link set veth0 address 02:00:00:00:00:42
ip -n blue -j addr
ip -j netns
ip -4 addr
