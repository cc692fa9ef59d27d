# random-scenario.py 9 400: generated; recorded on a real kernel
bridge link
ip link set lo up
ip -n green route
ip addr add 10.2.1.1/24 brd + dev v3
ip -br addr
ip link add veth1 type bridge
ip link del v0
ip -n red link add br0 type veth
ip -n blue link add veth0 type veth peer netns blue
ip -n blue route add 10.9.0.0/16 via 10.1.1.8
ip neigh
ip link set br1 mtu 67
ip route show table all
ip -n blue -br addr
ip -n red link set v3 nomaster
ip neigh del 10.0.1.9 dev v3
ip link add type veth peer name veth2
ip link add type bridge
ip link show type veth
ip -n green link set v1 netns green name br1
ip neigh replace 10.0.0.5 lladdr 02:00:00:00:00:01 dev br1
ip link set v2 down
ip -n red link set br1 down
sysctl -w net.ipv4.ip_forward=1
ip neigh del 10.1.2.1 dev v3
ip -n red neigh
ip link add v1 type veth peer netns blue
ip link add v3 type veth peer netns red
ip netns del red
ip link set v3 netns blue
ip link set veth2 up
bridge link
ip link add v0 type veth peer netns green
sysctl -w net.ipv4.ip_forward=1
ip addr flush dev v1
ip link add v2 type veth peer netns green
ip netns list
ip netns exec red ifconfig v3
ip -n green link add br%d type bridge
ip link set v1 netns green name veth1
ip -n red link set v2 up
ip link set veth2 name veth%d
ip -n green neigh add 10.0.1.1 lladdr 02:00:00:00:00:08 dev lo
ip -n blue addr del 10.2.0.4/24 dev veth2
ifconfig veth0 10.2.0.7/24
ip link add v0 type veth
ip -j addr
ip -n red -br link
ip link set veth0 nomaster
ip -n green link add v%d type bridge
ip route replace 10.9.0.0/16 dev veth2 metric 1
ip -n red link add v1 type veth peer netns red
bridge link
ip route del 10.7.0.0/16
ip addr add 10.2.0.9/24 brd + dev br1
ip route
ip -br link
ip netns list
ip link set v2 netns blue name veth0
ip netns add green
ip addr flush dev veth1
ip neigh add 10.1.2.4 lladdr 02:00:00:00:00:08 dev v0
ip route show table all
ip -n red route replace 10.9.0.0/16 dev v0 metric 1
ip -n green link del v3
sysctl -w net.ipv4.ip_forward=1
ip -n red addr del 10.0.1.7/24 dev veth2
ip -n red link set br0 netns red name v2
ip neigh del 10.0.0.2 dev br1
ip link set v3 netns blue name veth0
sysctl -w net.ipv4.ip_default_ttl=-1
ip -n blue route show table all
ip -n red link add veth0 type veth peer name lo
bridge fdb show
ip -n blue link set br0 nomaster
sysctl -w net.ipv4.conf.br0.rp_filter=3
ip -n green link set lo name v0
ip -n blue link add veth2 type veth peer netns blue
ip link show br1
ip link add type veth
ip -br link
ip -n red addr add 10.0.1.2/8 dev br0
ip -n red link add br%d type bridge
sysctl net.ipv4.conf.v0.proxy_arp
ip -n red link set br1 down
ip link add veth%d type bridge
ip -j addr
ip -n blue link add type veth peer name v0
ip netns exec red sysctl net.ipv4.conf.v1.rp_filter
ip link add veth2 type veth peer netns red
ip netns exec red sysctl net.ipv4.conf.all.forwarding
ip -n green link add type bridge
ip -n blue route flush dev br0
ip route
ip -n red neigh add 10.0.2.7 lladdr 02:00:00:00:00:09 dev v0
ip link set v3 name veth%d
ip link set br1 name veth%d
ip -n red link set veth2 nomaster
ip link show type veth
ip -n red link add type veth peer name v2
ip -n blue link set veth0 address 02:00:00:00:00:17
ip -br link
ip -n green link set br0 mtu 1400
ip -4 addr
ip link set br0 name v%d
ip link show v0
ip netns del blue
sysctl -w net.ipv4.ip_forward=1
ip -j netns
ip netns exec blue sysctl net.ipv4.ip_forward
ifconfig br0 down
ip addr flush dev br0
ip link add type bridge
ip -n green link add veth1 type veth peer netns green
ip neigh
ip -n green link add type veth peer name v1
ip -br addr
ip -n green route show table local
ip link add type veth
ip -n red link set veth1 netns red
ip -br link
ip addr
ip -n blue -j route
ip route add 10.9.0.0/16 dev v2
bridge -n green fdb show
ip link add type veth
ip netns list
ip -n blue link set br1 down
ip addr flush dev veth2
ifconfig veth1 down
ip route add 10.8.1.0/24 via 10.1.0.1
ip -n blue link add v3 type veth
ip link add type veth peer name v1
ip link add v3 type veth peer netns blue
ip -n green -br addr
ip -n green link add type veth peer name veth0
ip link set veth0 netns red name lo
ip neigh
ip route add 10.9.0.0/16 dev br1
sysctl net.ipv4.ip_default_ttl
ip addr
ip -n blue addr add 10.2.0.4/8 dev v0
ip link show veth2
ip link set lo netns blue name lo
ip -n red link set v0 down
ip link add v3 type veth peer name v0
ip addr add 10.0.0.7/24 brd + dev v1
ip neigh add 10.0.2.3 lladdr 02:00:00:00:00:04 dev veth0
ip link add type veth peer name v3
ip -br addr
bridge link
ip link set v1 netns red name v0
ip link add type bridge
ip link add br%d type bridge
ip -n green link set lo up
ip route show table all
ip -n red route replace 10.7.0.0/16 dev v1 metric 2
ip -n red link set lo name v0
ip route flush dev br0
ip -n blue link set veth2 netns blue name v0
ifconfig lo
ip addr del 10.2.2.4/24 dev v0
ip -n blue neigh add 10.2.0.1 lladdr 02:00:00:00:00:03 dev lo
ip -n green -br link
ip route show table local
ip -n green -br addr
ip -n blue route add 10.9.0.0/16 via 10.0.2.2
ip -n blue neigh del 10.2.2.5 dev veth1
ip -n red link set br0 nomaster
ip -d link show v2
ip -n green link add v0 type bridge
ip -n green route add default via 10.2.1.7
ip -o link
ip -n green link add veth2 type veth peer netns green
ip route add 10.7.0.0/16 dev veth1
ifconfig br1
ip link add veth1 type bridge
ip neigh replace 10.2.2.2 lladdr 02:00:00:00:00:01 dev v2
ip -n green neigh
ip -br link
ip link set veth1 address 02:00:00:00:00:66
ip -n green link set veth0 address 02:00:00:00:00:54
ip link set br1 name veth%d
ip link set v3 down
ip netns exec blue sysctl -w net.ipv4.ip_forward=0
ip link add veth0 type veth
ip -n red link add br1 type veth peer name lo netns red
sysctl -w net.ipv4.ip_forward=2
ip link add lo type veth peer name v2
ip -o link
ip link
ip -n blue link show type veth
ip -o link
bridge fdb show
ip -br link
ip -n green link add v0 type veth
ip netns exec green sysctl -w net.ipv4.conf.all.forwarding=3
ip -n blue route del default
ip -n blue route replace 10.9.0.0/16 dev v2 metric 0
ip netns list
ip link set v2 address 02:00:00:00:00:47
ip -n green -j route
ip -n green link set dev v2 up
ip link set veth0 name veth2
ip -n blue link set veth0 name v%d
ip link add br0 type veth
ip link set br0 up
ip route
ip -n blue neigh replace 10.1.0.4 lladdr 02:00:00:00:00:01 dev veth2
ip -j netns
ip -br link
ip addr show dev br1
bridge fdb show
ip neigh del 10.1.1.3 dev br0
ip -n red link add type veth
ip -n green addr del 10.2.1.6/24 dev lo
ip -n blue link set br1 name v%d
ip -o link
ip -n green link set veth2 netns green name veth0
ip link add type bridge
ip -j route
ip link set v3 nomaster
ip -n green link set dev v3 up
ip link set br0 address 02:00:00:00:00:83
ip route add 10.7.0.0/16 dev lo
ip -n red addr show dev v2
ip -j netns
ip addr show dev v0
ip -n red -d link show br0
ip -o link
ip -n green link set br1 netns green
ifconfig br0
ip -n green link set br0 down
ip addr add 10.2.0.1/24 brd + dev br1
sysctl -w net.ipv4.ip_default_ttl=-1
ip -n red link set v0 master veth1
ip link add veth%d type bridge
ip link set v3 netns green name lo
ip -n green -o link
sysctl -w net.ipv4.conf.br0.rp_filter=255
ip -n blue link set veth1 down
ifconfig v3 10.1.0.9/24
ip netns exec blue sysctl net.ipv4.conf.lo.rp_filter
ip -n green link set v3 mtu 68
ip netns exec red ifconfig veth1 10.1.0.1/24
ip -n red link set veth2 name v3
ip link set veth2 master br0
ip -n red route add 10.9.0.0/16 via 10.1.0.4
ip -n blue link set veth0 name v%d
ip netns exec blue sysctl net.ipv4.conf.lo.forwarding
ip neigh
ip -j route
ip link set dev br0 up
ip -n green link add v0 type bridge
ip neigh replace 10.0.1.4 lladdr 02:00:00:00:00:01 dev veth0
ip link set veth1 down
ip -n red link set veth1 down
ip -n red link show veth1
ifconfig v0 10.1.2.6/24
ip route del 10.9.0.0/16
ip route add 10.9.0.0/16 via 10.2.1.2
ip -br link
ip -n red addr add 10.0.1.6/8 dev v2
ip -n blue link add type veth peer name br1
ip netns del blue
ip -n red neigh del 10.2.2.8 dev v3
ip link set veth1 name veth%d
ip link add v1 type veth peer netns red
ip -n blue -o link
sysctl -w net.ipv4.ip_default_ttl=-1
ip link set v3 netns blue name br0
ip -n blue link add veth%d type bridge
ip link set veth0 netns red
ip link del v2
ip netns del red
ip netns add green
ip addr del 10.0.2.5/24 dev v2
ip -n red link add veth%d type bridge
ip -n blue addr add 10.0.0.5/24 brd + dev veth1
ip -j netns
ip link set v2 netns red name lo
ip link add veth%d type bridge
ip link add type veth
ip -d link show br0
ip route add 10.9.0.0/16 dev br0
ip addr show dev v1
ip -n blue link add type veth peer name v0
ip -j netns
ip -n blue link add v2 type veth peer name v0 netns blue
ip link set v0 netns blue name veth2
ip netns add blue
ip link set v2 master veth1
ip addr del 10.0.2.8/24 dev lo
ip netns exec blue sysctl -w net.ipv4.ip_forward=x
ip link show br1
ip addr
ip link set lo netns blue name veth1
ip -n green link
ip route show table all
ip -j addr
ifconfig veth2 10.2.2.5/24
ip link add veth1 type bridge
ip -n red link set veth2 mtu 65535
ifconfig veth1 down
ip -n green link add type bridge
ifconfig v1 down
sysctl net.ipv4.conf.br1.proxy_arp
ip link add type veth
sysctl net.ipv4.conf.v1.forwarding
ip link set br0 netns blue
ip link set br1 name v%d
ip -n green -j route
ip netns exec green sysctl -w net.ipv4.conf.veth0.rp_filter=255
ip link add v1 type veth peer netns blue
ip link set v2 netns green
ip -n green link set veth2 netns green
sysctl -w net.ipv4.ip_forward=0
ip route add default via 10.0.0.3
ip -d link show veth0
ip route replace 10.7.0.0/16 dev v0 metric 0
ip -j addr
ip netns exec green ifconfig v0 down
ip link set dev lo up
ip -n green route del 10.9.0.0/16
ip link add type bridge
sysctl -w net.ipv4.conf.v3.rp_filter=
ip link set v2 master v3
ifconfig veth0 10.2.1.9/24
sysctl -w net.ipv4.ip_forward=0
ip link set lo name br0
sysctl net.ipv4.ip_default_ttl
ip -n green -4 addr
ip -n red link set br1 name veth%d
ip -n blue link add veth2 type veth peer name v3 netns blue
ip -n green link add type veth
ip -n red link set veth0 name veth%d
ip netns exec blue sysctl net.ipv4.conf.br1.rp_filter
ip -n blue link set veth1 name veth%d
ip -n red neigh
ip netns add green
ip route show table all
ip -n green addr show dev v1
ip -n red link del v3
ip -n red link add type bridge
ip -br link
ip -n red link set br1 nomaster
ip link set v2 name veth%d
ip link set br1 name v%d
ip route del 10.7.0.0/16
bridge -n red link
bridge -n red fdb show
ip -n red neigh
bridge -n red link
ip -4 addr
ip -n green link set br0 up
ip link set dev br0 up
ip -n red route replace 10.7.0.0/16 dev v0 metric 3
ip -n blue -4 addr
ip -n red link set br1 nomaster
ip -n red neigh
ip netns exec red sysctl net.ipv4.ip_default_ttl
bridge -n green fdb show
ip netns exec red sysctl net.ipv4.conf.v2.forwarding
ip link set v1 netns green name veth1
ip -n green link add v0 type veth peer name br1 netns green
ip link set v2 master v0
ip -n green link add type bridge
sysctl net.ipv4.conf.all.forwarding
ip link add type veth
ip link set v3 netns green
ip link set br1 nomaster
ip link show type veth
ip -br link
ip -n blue link add veth2 type veth
ip -n red link add type veth
ip route replace 10.9.0.0/16 dev v0 metric 1
sysctl net.ipv4.conf.veth1.rp_filter
ip -n blue link add type bridge
ip link add v%d type bridge
ip -j netns
ip -n red route show table all
ip link add v3 type veth peer name veth0 netns red
bridge -n blue fdb show
ifconfig br0
ip -n green link set br0 up
ip link show type veth
bridge link
ip route show table all
ip -n red link set v3 up
ip link set v2 netns green
ip -n green link show br0
ip -n blue neigh add 10.2.0.5 lladdr 02:00:00:00:00:06 dev veth2
ip -br link
ip link set lo nomaster
ip netns add blue
ip netns exec red sysctl -w net.ipv4.ip_forward=0
ip -n green link set veth1 address 02:00:00:00:00:10
ip link add type veth
ip netns del blue
sysctl -w net.ipv4.ip_forward=0
