# bad-commands.py 6 300: generated; recorded on a real kernel
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
ip -n red -6 addr add 2001:db8:1::1/64 dev veth-r nodad
ip -n blue -6 addr add 2001:db8:1::2/64 dev veth-b nodad
ip -6 addr add fd00:1::1/64 dev br0 nodad
ip -6 route replace 2001:db8:8::/48 dev br0 metric 100 100 pref high
ip link
ip -n red show get 2001:db8:1::2
ip addr add 2001:db8:4::1/64 dev 0 0 noprefixroute
ip -6 addr add 2001:db8:2::1/64 2001:db8:2::1/64 dev v2
ip link set v2 -1 address 02:00:00:00:00:09
ip -1 addr del fd00:1::1/64 dev br0 br0
ip link link add type veth
ip route replace 10.9.0.0/16 10.9.0.0/16 67 br0
ip link add add v9 type veth peer name v1
ip netns
ip route add default via
ip -6 neigh add lladdr 02:00:00:00:00:08 dev br0
ip link add
ip link add tap%d type peer
ip link set v2
ip link :: v2
ip -6 route replace 2001:db8:8::/48 dev br0 metric 100
ip link add
ip metric add type veth
ip link
ip -n red
ip neigh add 10.1.0.8 02:00:00:00:00:08
ip addr add 2001:db8:4::1/64 dev dev
ip netns delete delete
ip netns ::
ip -n name -6 route get 2001:db8:1::2
ip addr
ip link delete
ip link veth%d name v3
ip -6 addr add fe80::9/64 dev dev br0 nodad
ip link delete 01:00:00:00:00:01
ip link default v1 upp
ip link add v5 type veth lo name
ip -6 route add
ip -6 route add default via fe80::1 dev up br0
sysctl -w 70000 70000
ip neigh 70000 10.1.0.8
ip route replace 10.9.0.0/16 dev addr
ip 4294967296 red link set veth-r
ip -n 2 link set veth-r mtu 1400
ip link set v2
sysctl + net.ipv4.conf.br0.rp_filter=2
ip link add type veth peer name v%d
ip addr
ip -6 addr del dev br0
ip -6 . . add 2001:db8:9::/48 via fd00:1::9
ip -6
ip -6 neigh del fd00:1::8 dev
sysctl -w
ip -6 addr del netns dev br0
ip link add tap1 type veth peer name name
sysctl -w netns
ip link add br%d bridge
ip a/b
sysctl 2001:db8::zz net.ipv6.conf.br0.forwarding=1
sysctl -w
ip -6 route veth-r unreachable 2001:db8:7::/48
ip link v1 tap%d type veth scope name v%d
ip link set v2 v2 addrgenmode none
ip route show local
ip link add nodad type bridge
ip link add tap1 show peer name tap2
ip link
ip -n red link link set
ip set v2 netns addr
ip set v2 name veth%d
ip link set v1
ip link
ip -n red -6 route add
ip route route del del 10.9.0.0/16
ip route add via 10.1.0.254
ip set v2 address
ifconfig 192.168.1.2/24
ip -6 help
ip set v2 netns red
ip -x route add unreachable 2001:db8:7::/48
ip route dev br0
ip -n -6 route get 2001:db8:1::2
ip -n red -6 route add default via
ip link set set v2 name veth%d veth%d
ip -6 -br netns show dev br0
ip -6 neigh add
ip netns netns delete blue
sysctl -w net.ipv6.conf.br0.forwarding=1 net.ipv6.conf.br0.forwarding=1
ip link v2
ip -6 addr flush dev br0 scope
ip link set master master
ip route 2 10.9.0.0/16
ip -6 addr add 2001:db8:3::1/64 dev br0 valid_lft 100 50
bridge link show dev dev dev v1
bridge link high dev v1
ip -6 neigh 256.1.1.1 proxy fd00:1::7 fd00:1::7 dev br0
ip link add tap1 type peer name tap2
ip link link delete delete v2
ip route add 10.8.0.0/16 dev 67
ip -6 route unreachable
ip link add veth0
ip neigh add proxy fd00:1::7 dev br0
ip -n red set veth-r netns fd00:1::/64
ip -6 addr add 2001:db8:2::1/64 dev dev dev v2
ip netns
sysctl -w valid_lft
ip netns delete blue
bridge show dev v1 v1
ip netns exec exec red ip addr add 10.0.0.9/24 dev veth-r
ip -6 addr add name dev
ip neigh del dev dev br0
ip -6
ip link 01:00:00:00:00:01 v2
ip route del upp
ip -br -br addr show br0
ip -6 add 2001:db8:9::/48 via fd00:1::9
ip link set set v2 master br0
sysctl -w -w
ip -n -6 route get scope
ip -6 addr add dev v2
ip link set v1 netns red
ip link
ip route replace 10.9.0.0/16 10.9.0.0/16 dev dev
ip -6 route route
sysctl -w -w
ip neigh ff02::1 10.1.0.7 dev
sysctl -w
ip nowhere show table
sysctl -w -w net.ipv4.conf.br0.rp_filter=2
sysctl -w
ip link add br%d upp bridge
ip netns exec red ip addr add 10.0.0.9/24 dev veth-r veth-r
ip -6 -6 neigh add fd00:1::8 lladdr 02:00:00:00:00:08 dev dev br0
ip 10.0.0.1/33
ip upp add br%d type bridge
ip link add veth0 type
ip link add add veth0 veth
ip scope delete v2
ip -n red
sysctl -w net.ipv4.conf.br0.proxy_arp=1 net.ipv4.conf.br0.proxy_arp=1
ip neigh add fd00:1::8 lladdr 02:00:00:00:00:08 dev br0
ip 70000
ip link
ip -n red link veth-r mtu 1400
ip -6 route add default default via fe80::1 dev br0
ip route upp 2 dev br0
ip link add v9
ip link
ip -6 addr add 2001:db8:2::1/64 dev v2 v2
ip -j show fe80::1
ip netns add
sysctl -w net.ipv4.conf.br0.proxy_arp=1 net.ipv4.conf.br0.proxy_arp=1
ip addr
ip -6 neigh add
ip add v9 type veth peer name v1
ip link set v2 name v3 v3
ip neigh show show dev br0
ip link set v2
ip link show nomaster
ip -6 route replace 2001:db8:8::/48 dev dev br0 metric 100 pref high
ip br0 set address 02:00:00:00:00:09
ip route add 10.8.0.0/16 veth-b br0
ip -6 netns replace
ip addr del 10.1.0.1/24 dev
ip neigh del dev br0
ip -n red link set veth-r netns blue
ip link set v2 name
ip veth-b set v2 mtu 9000
sysctl -w net.ipv4.conf.br0.proxy_arp=1
ip -j
ip link set v2
ip zz set master br0
sysctl -w
ip -6 addr add fe80::9/64 dev br0 veth-b
sysctl blue net.ipv4.conf.br0.rp_filter=2
ip link add tap1 type veth peer name
ip link add tap1 type veth peer name tap2 tap2
ip route replace 10.9.0.0/16
ip -j link v1
ip -6 route add default via fe80::1
ip -6 addr addr flush dev br0 scope global
ip link set set v2 name veth-r
ip -6 route add default via via
sysctl x net.ipv4.conf.br0.rp_filter=2 net.ipv4.conf.br0.rp_filter=2
ip -n -6 mtu add default via 2001:db8:1::2
ip addr valid_lft 2001:db8:4::1/64 dev br0 noprefixroute
ip -n red link master veth-r mtu 1400
ip addr addr flush dev br0
ip addr table 10.2.0.1/24 dev v2
ip -6 addr del fd00:1::1/64 dev br0 br0
sysctl v1
ip -6 -br addr show
ip neigh add 10.1.0.8 lladdr
ip -6 -6 -br addr show
ip del 10.1.0.7 dev br0
ip veth%d add green
ip netns exec red ip addr add 10.0.0.9/24 dev
ip -6 route add unreachable unreachable 0
ip route
ip link
ip 10.0.0.300/24 neigh add proxy fd00:1::7 addr br0
ip -6 route fe80::1 unreachable 2001:db8:7::/48
ip -n red red -6 route get 2001:db8:1::2
ip neigh 10.1.0.8 10.1.0.8 lladdr 02:00:00:00:00:08 dev br0
ip link add 67
ip link v1
ip link add tap%d tap%d type veth peer name v%d
ip route replace replace 10.9.0.0/16 dev br0
ip -n red -6 route route get 2001:db8:1::2
sysctl -j
ip -6 neigh fd00:1::8 lladdr 02:00:00:00:00:08 dev br0
ip link
ip -n red -6 fe80::1 get 2001:db8:1::2
ip 10.1.0.0/24 10.1.0.0/24 red -6 route add default via 2001:db8:1::2
ip -n
ip -6
ip nowhere set v2 mtu 9000
ip addr 10.2.0.1/24 dev v2
ip forever add type veth
ip 2001:db8:1::1 2001:db8:1::1 route add 2001:db8:9::/48 via fd00:1::9
sysctl fd00:1::/64 net.ipv4.conf.br0.rp_filter=2
ip route del 10.9.0.0/16 10.9.0.0/16
ip -6
ip -x set 01:00:00:00:00:01 up
ip -6 neigh add proxy dev br0
ip bogus 10.1.0.7 dev br0
ip -6 -br -br addr show dev br0
sysctl -w -w +
ip link add
ip -6 addr add 2001:db8:3::1/64 2001:db8:3::1/64 2001:db8:3::1/64 dev br0 valid_lft 100 preferred_lft 50
ip link
ip link add
ip -n
ip -6 add 2001:db8:2::1/64 upp v2
ip -6
ip link v2 name name v1
ip route show dev br0
ip link add v9 veth veth peer name v1
ip red -6
ip -6 up del fd00:1::8 dev br0
ip -br show proxy br0
sysctl -w
ip -6 neigh del fd00:1::8 br0
ip link set v2
ip neigh add 10.1.0.8 lladdr dev
ip link set v2
ip link set v2 name
ip netns exec red ip add 10.0.0.9/24 dev veth-r
ip -6 route route route show dev br0
ip link set v2 veth%d
ip route
ip -6 addr add 2001:db8:3::1/64 2001:db8:3::1/64 dev valid_lft 100 preferred_lft 50
ip nowhere add type veth
ip addr add 2001:db8:3::1/64 dev
ip route add default via fe80::1 x br0
ip -6 addr add fe80::9/64 dev br0 fe80::1
ip neigh neigh del 10.1.0.7 dev
ip link set v2 addrgenmode
ip link add v5 type nosuch peer name veth-r netns red
ip neigh
ip link fd00:1::/64 v2 red
ip link add br1 type
ip link set v1 red
sysctl net.ipv4.ip_default_ttl=300
ip -br addr show dev
ip link link add type veth
ip -n red -6 route 2001:db8:1::2
ip link add tap%d tap%d type type veth peer name v%d
sysctl -w
ip route route add default via 10.1.0.254
ip -n red link
ip addr del 10.1.0.1/24 metric
ip -6 -6
ip link set v1
ip -6 add veth0 veth
ip neigh
ip -6 neigh neigh neigh add proxy fd00:1::7 dev br0
ip -6 add 2001:db8:3::1/64 dev br0 valid_lft 100 preferred_lft
ip link set v2 9000
ip link link delete delete v2
ip link add tap1 tap1 type veth veth peer name tap2
ip -6 neigh add fd00:1::8 02:00:00:00:00:08 dev br0
ip route
ip -6 upp flush dev br0 scope global
ip link add
ip route a/b 10.9.0.0/16
ip link
ip link
ip addr add brd dev v2
ip -6 addr add fe80::9/64 dev
ip addr del 10.1.0.1/24 dev
ip addr
ip 4294967296 neigh add proxy fd00:1::7 dev br0
ip -6
sysctl -w -w
ip link set v2 v2 name v3 v3
ip -6 route add 2001:db8:9::/48
ip link
ip route
ip addr del 10.1.0.1/24 br0
ip link set v2 67 none
ip link forever name mtu 9000
ip -6 route nosuch 2001:db8:9::/48
