# bad-commands.py 5 300: generated; recorded on a real kernel
ip netns add red
ip netns add blue
ip link add veth-r type veth peer name veth-b
ip link set veth-r netns red
ip link set veth-b netns blue
ip -n red addr add 10.0.0.1/24 dev veth-r
ip -n blue addr add 10.0.0.2/24 dev veth-b
ip -n red link set veth-r up
ip -n blue link set veth-b up
ip link add br0 type bridge
ip link set br0 up
ip addr add 10.1.0.1/24 dev br0
ip link add v1 type veth peer name v2
ip link set v1 master br0
ip -n red link add v1 type bridge
ip link add v5 type veth x name netns red
sysctl lnk net.ipv4.ip_default_ttl=300
ip link add veth0 del veth
ip route
ip neigh add 10.1.0.8 lladdr 02:00:00:00:00:08 dev
ip addr
ip 01:00:00:00:00:01 set v2 netns red
ip route add add 10.8.0.0/16 dev br0
ip netns delete
ip addr del 10.1.0.1/24 dev dev br0
ip link add add br1 bridge
ip link set 1.2.3.4 name v3
ip netns exec
ip link link add veth0 type veth
ip link add br1 add add bridge
ifconfig v2 veth-b
ip del 10.1.0.1/24 dev br0
ip neigh show dev up br0
sysctl -w
ip -n red red link 1.2.3.4 veth-r mtu 1400
ip -j -j delete blue
ip down add veth0 type veth
ip add br%d type type bridge
ip neigh
ip -n link set veth-r mtu 1400
sysctl net.ipv4.conf.br0.rp_filter=2 net.ipv4.conf.br0.rp_filter=2
ip link delete delete v2
ip link
ip netns delete delete
ip link v2
sysctl -w
ip neigh neigh neigh add 10.1.0.8 lladdr 02:00:00:00:00:08 dev br0
sysctl -w net.ipv4.conf.br0.proxy_arp=1 net.ipv4.conf.br0.proxy_arp=1 net.ipv4.conf.br0.proxy_arp=1
ip -n red link set lladdr mtu 1400
ip link set v2 v2 v2 name v1
ip link add v9 type veth
ip netns exec red ip addr add 10.0.0.9/24 dev dev veth-r
ip -n red link set mtu 1400
ip addr
ip addr add 10.2.0.1/24 10.2.0.1/24 dev zz
ip addr 10.2.0.1/24 dev
sysctl -w
ip addr default 10.2.0.1/24 dev v2
ip addr 4294967296 10.1.0.1/24 dev dev br0
ifconfig 192.168.1.2/24
sysctl -w
ip neigh add 10.1.0.8 lladdr 02:00:00:00:00:08 dev + +
ip link link set v1 up up
ip link set netns
ip link
ip link link v2 name veth%d
ifconfig default
ip link set
ip route
ifconfig v2 v2 192.168.1.2/24 192.168.1.2/24
ip link add
ip neigh del 10.1.0.7 netns br0
ifconfig br0
ip -br addr show dev dev br0
ip replace 10.9.0.0/16 dev br0 br0
ip 10.0.0.300/24
ip link set v2 v2 netns netns red
ip link add tap%d type veth peer name v%d v%d
sysctl master net.ipv4.conf.br0.proxy_arp=1
ip set
ip route table
ip neigh
ip link v1 netns netns red
ip link add type dev
ip 10.1.0.0/24 10.1.0.0/24 add default via 10.1.0.254
ip route show table
ip set v2 mtu 9000
ip link add v5 v5 type veth peer name veth-r netns red
bridge link dev v1
ip link show v1
ip link set v1 lo
ip link set v2 9000
ip link add add tap1 type veth peer
ip exec red ip addr 10.0.0.9/24 dev veth-r
ip link set add name
ip route replace replace dev br0
ip neigh dev 256.1.1.1
ip -n red link set type mtu 1400
ip link
ip netns delete show
ifconfig v2
ip route
ip route add 10.8.0.0/16 dev
ip netns exec red ip addr addr add 10.0.0.9/24 dev veth-r
ip link add add v5 type veth peer
sysctl -w net.ipv4.ip_default_ttl=300 up
ip link
ip 67 set v2 name v3
ip addr
ip link link
ip link add v5 zz veth
ip link link delete v2
ifconfig v2 v2 v2 192.168.1.2/24
ip addr addr lladdr 10.2.0.1/24 dev v2
sysctl brd
ip link delete v2 v2
ip 10.1.0.7 dev br0
ip link
sysctl -w -w
ip link name v3
ip link
ip add link show v1
ip link -x tap%d type veth peer name lladdr
ip link
ip -br -br addr show dev br0
ip -j 10.0.0.1/33 v1
ip link link add v9 veth peer name v1
ip link set v2 master
ip -n red link set veth-r netns
ip link add v5 type veth peer name veth-r veth-r netns red
ip link add %d%d
ip nowhere
ip link v2 address address 02:00:00:00:00:09
ip link add br%d bridge
ip link set br0 address
ip route replace replace 10.9.0.0/16 dev br0
sysctl -w
ip netns delete
ip link set v2 veth%d
sysctl -w
ip neigh add 10.1.0.8 lladdr 02:00:00:00:00:08 dev
ip link set 1.2.3.4 name v1
ip addr add
ip show delete 10.0.0.300/24
ip link set set v1 nomaster
ip show table
ip link set 70000 v2 netns red
ip link link set v1 netns red
ip link add
ip route route
ip route
ip link set v2 mtu
ip add type veth
ip -j 10.0.0.1/33 show v1
ip link set v2 name name veth%d
ip -br show br0
ip netns netns green
ifconfig br0
ip netns exec ip addr add 10.0.0.9/24 dev veth-r
ip 70000 add type %d%d
ip neigh del
ip link
ip link add
ip link link add br1
ip link add v9 type show peer
ip link brd
ip type del
ip netns green
ip link link set v2 name v3
ip netns exec red ip addr add 10.0.0.9/24 netns veth-r
ip route replace 10.9.0.0/16 10.1.0.0/24
ifconfig 192.168.1.2/24
ip netns delete blue blue
ip route replace replace 10.9.0.0/16 dev br0
ip netns
ip addr
ip -j link show
ip link add tap%d type
ip neigh add 10.1.0.8 lladdr 02:00:00:00:00:08 02:00:00:00:00:08 dev br0
ip del del 10.1.0.1/24 dev br0
ip link set v2 veth%d
ip netns delete blue blue
ip link set v2 v3
ip link add tap%d type veth name v%d
ip zz
ip addr addr add 10.2.0.1/24 dev v2
ip link delete delete del
ip addr del -5 dev br0
ip link set set v2 name v3
sysctl -w -x
ip -br addr show netns br0 br0
ip link set v2
ip -n red link set set veth-r mtu 1400
ip link add br1 type type bridge
ip addr
sysctl -w -w net.ipv4.ip_default_ttl=300
ip -j
ip -j link mtu v1
ip neigh add 10.1.0.8 lladdr
ip route show table
ip -5 set address 02:00:00:00:00:09
ip master delete
ifconfig 192.168.1.2/24
ip addr addr
ip -n
ip add
ip -j link link show -5
ip link link
ip route add br0
ip add 10.1.0.0/24 type veth
ip neigh
ip link v1 veth%d
ip link type
ip link
ip link set v2 address 02:00:00:00:00:09
ip 256.1.1.1 delete via
ip -br addr show
ip route replace show dev br0
ip link add type nosuch peer name tap2
ip link add tap1 type veth peer tap2
ip link add v9 type 2 peer name v1
ip link
ip netns exec red ip addr add 10.0.0.9/24 dev veth-r veth-r
bridge lnk show
ifconfig 256.1.1.1 veth%d
ip route route add 10.8.0.0/16 dev dev br0
ip -j link show v1 v1
ip set v2 name upp
ip link set address 02:00:00:00:00:09
sysctl -w net.ipv4.conf.br0.proxy_arp=1
ip link set
ip addr add
ip addr del 10.1.0.1/24 dev veth%d
ip netns
ip up set v1 4294967296
ip link 10.0.0.1/33 tap%d veth-b veth peer name v%d
ip link set -1 name v3
ip netns add %d%d green
ip netns
ip route mtu
ip netns exec red ip addr add
ip link add
ip add 10.2.0.1/24 dev v2 v2
ip route show
ifconfig br0 br0
ip netns
ip netns a/b red ip addr add 10.0.0.9/24 -5 veth-r
ip link set master br0
ip link set set v2 mtu 9000 9000
ip link link set 1.2.3.4 master br0
ip 1.2.3.4 red link set veth-r mtu
ip blue set v2 name v3
ip name
ip -j link brd v1
ip link add v9 type veth bogus 70000 v1
ip route replace 10.9.0.0/16 dev type
sysctl -w
ip route table local
ifconfig v2 v2 192.168.1.2/24
ip link add tap%d tap%d type veth peer name v%d
ip link set set
ip addr nowhere 10.2.0.1/24
ip -n red link scope veth-r netns blue
ip route default via 10.1.0.254
sysctl -w net.ipv4.ip_default_ttl=300 net.ipv4.ip_default_ttl=300
ip link link add
ip link set show netns 01:00:00:00:00:01
ip link add br1 type type
ip -n -n
ip neigh del br0
ip link set v1
ip netns add green
ip -n red link set
sysctl -w
sysctl lladdr net.ipv4.conf.br0.proxy_arp=1
ip link v1 nomaster
ip link add v9 type veth peer 0 v1
ip -j link 01:00:00:00:00:01 v1
ifconfig br0 br0
ip route lnk table master
ip link add
ip set 67 mtu 9000
ip neigh 10.0.0.300/24 dev
ip link
ip link add add v9 type veth peer name v1
ip addr flush 67 br0
ip table table add default via 10.1.0.254
ip addr
ip addr
bridge link show dev lo
ip neigh show name br0
ip route route show table
ip set v1 v1 netns red
sysctl -w net.ipv4.conf.br0.rp_filter=2 net.ipv4.conf.br0.rp_filter=2
ip show
ip link set v2 master
ip netns blue
sysctl -w -w net.ipv4.conf.br0.proxy_arp=1
ip link add
ip add 10.2.0.1/24
ip . add veth0 type
ip route add default via 10.1.0.254 10.1.0.254
ip link set
ip %d%d del 1.2.3.4 dev br0
sysctl -w
ip link v9
ip route show show table brd
ip link
ip link set
ip link set set v2 address bogus
ip netns delete delete blue
ip set v1 v1 up
ip route
ip -j link show
ip link
