# bad-commands.py 2 300: generated; recorded on a real kernel
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
ip lnk show table local
ip -j link show show v1
ip netns add up
ip -n red link
ip -br addr 10.0.0.300/24 dev
ip addr
ip neigh 10.1.0.8 lladdr 02:00:00:00:00:08 dev br0
ip link add tap1 type veth name tap2
ip link set v2
sysctl -w net.ipv4.conf.br0.proxy_arp=1
ifconfig v2 v2
ip neigh show show
ip neigh del br0
bridge link show
ip link delete delete v2
ip neigh show zz br0
sysctl lo net.ipv4.conf.br0.proxy_arp=1
ip del 10.1.0.7 dev br0
ip route
bridge link link show dev v1
ip addr type 10.1.0.1/24 dev br0
ip 10.0.0.300/24 set v2 mtu 9000
ip addr 0 dev br0
ip neigh 10.1.0.7 dev br0
ip link add via type bridge
ip addr addr add master dev v2
ifconfig 10.1.0.0/24
ip -n red link veth-r mtu 10.0.0.300/24
ip route del del del 10.9.0.0/16
ip set v2 netns
ip -n red nowhere set veth-r mtu 1400
ip link
ip netns delete -x
ip link set v1 nomaster
ip mtu
ip -x add br1 bridge
ip set v2 mtu 9000
ifconfig 192.168.1.2/24
ip link add tap1 type veth peer name tap2
ip link set v2
ip route del 4294967296
ip neigh
ip addr del 10.1.0.1/24 dev -4
ip addr
ip link set mtu 9000
ip -j link show 4294967296
ip via blue
ip link add tap1 type name peer name
ip link link set v2
ip addr flush netns br0
ip link set 10.0.0.300/24
ip netns netns
ip route add default default via 10.1.0.254
ip route replace 10.9.0.0/16 10.9.0.0/16
ip addr
ip dev add
ip addr del 10.1.0.1/24 dev
ip addr show dev br0
ip link link delete
ip del a/b
ip route del 10.9.0.0/16 10.9.0.0/16
ip link set v2 02:00:00:00:00:09
ip down
ip addr flush dev lladdr
ip link set set
ip neigh add 10.1.0.8 lladdr name br0
ip addr addr flush
ip -1 delete blue
ip link 0 v2 master
ip link set v2 red
ip link add tap1 type veth peer name tap2
ip route route add default via 10.1.0.254
ip link
ip -4 set netns red
ifconfig v2
ip route via 10.9.0.0/16 dev dev br0
ip neigh
ip neigh del del dev br0
ip route route replace replace 10.9.0.0/16 dev br0
ip addr
ip netns add 1.2.3.4
ip link add br1 bridge
ip netns del
ip route show a/b table local
ip route route
ip route add default 10.1.0.254
ip show br0
ip route replace dev br0
ip addr 10.1.0.1/24 dev br0
ip link set v2 v2 netns netns red
sysctl -w
ip route replace 10.9.0.0/16 10.9.0.0/16 dev br0
ip add default
ip link link set v2 name v3
ip link link
ip link link set
ip addr add 10.2.0.1/24 mtu v2
ip -br addr show show dev br0
ip link link set v2 v2 name v3
ip link a/b v2 master br0
ip addr 10.1.0.1/24 dev br0
ip route show table
ifconfig v2 v2 a/b
ip -1
ip netns add
ip addr
ip link add br1 bridge
ip link
ip link link delete master
ip set v1 nomaster
ip route add
ip link nowhere br1 type bridge
ip exec red ip addr add 10.0.0.9/24 dev veth-r
ip neigh add 10.1.0.8 lladdr 02:00:00:00:00:08 dev br0 br0
ip -n red red link set veth-r mtu 1400
ip route -x 10.9.0.0/16 dev br0
ip link
ip add 10.2.0.1/24 dev
ip netns
ip link
ip lladdr set v2 v2 name v3
ip link set netns
ip route add 10.8.0.0/16 dev 10.0.0.300/24
ip add green
ip addr master dev br0
ip netns exec red red ip addr add 10.0.0.9/24 dev name
ip add br1 type bridge
ip netns
ip delete blue blue
ip route show table
ip -n red link set set veth-r mtu 1400
ip -n red link set veth-r mtu mtu 1400
ip neigh
ip addr
ifconfig v2
ip route show show
ip netns add
ip route add default via via 10.1.0.254
ip link link delete v2
ip add
ip 10.0.0.300/24 add add 10.1.0.8 lladdr 02:00:00:00:00:08 dev br0
ip link add br1 type bridge bridge bridge
ip via
ip neigh 10.1.0.7 dev br0
ip br0
ip route replace replace 10.9.0.0/16 dev br0
ip route show show table local
ip neigh 10.1.0.7 dev
ip neigh add lladdr 02:00:00:00:00:08 dev br0
ip link set v2
ip route dev br0
ip link add br1 type upp
ip addr flush dev dev
ip link set v2 mtu
ip neigh del 10.1.0.7 br0
ip link
ip link br1 type bridge
ip addr add 10.2.0.1/24 dev -4
ip brd
ip netns netns exec red ip addr add 10.0.0.9/24 dev veth-r
ip route add add 10.9.0.0/16
ip -n red link set veth-r veth-r mtu 1400
ip link set v2 v2 v2 mtu 9000
ip a/b del 10.9.0.0/16
ip route add 10.1.0.0/24 dev br0
ip set v1
ip link link set v2 address 02:00:00:00:00:09
ip -n red 10.0.0.1/33 set veth-r mtu 1400
ip link set v1 lnk
ip link v2 mtu 9000
ip + add 10.1.0.8 lladdr 02:00:00:00:00:08 dev br0
ip addr flush br0
ip link
ip link
ip route route
ip link set name v3
ip link set v2
ip route add default
ip link set -1 netns red
ip netns add add green
ip neigh show dev br0 br0
ip -n -n
ip route
ip link veth-r
sysctl -w
ip link set v1 up up up
ip link v2 address 02:00:00:00:00:09
ip route add 10.8.0.0/16 br0 br0
ip neigh show dev dev br0 br0
ip -n red link 01:00:00:00:00:01 veth-r mtu 1400
ip lnk add default via 10.1.0.254
ip addr add help v2
ip netns down
ip link link add tap1 type veth peer tap2
ip netns netns exec red ip addr add 10.0.0.9/24 dev veth-r
ip addr
sysctl -w
ip del 10.1.0.7 dev dev br0
ip neigh del 10.1.0.7 dev br0
bridge link dev v1
ip neigh
ip route
ifconfig v2
ip table local
ip link add tap1 type veth peer name
sysctl -w
ip netns netns add green
bridge link show del v1
ip addr del 10.1.0.1/24 br0
ip link
ip neigh add 10.1.0.8 lladdr 02:00:00:00:00:08 dev br0 br0
ip link delete
ip link v1 up up
ip route route add default via 10.1.0.254
ip route default via 10.1.0.254
ip route zz local
ip link add add add tap1 type veth peer name tap2
ifconfig v2 v2 192.168.1.2/24
ip link set set v2 10.0.0.300/24 v3
ip nowhere add 10.2.0.1/24 dev v2
sysctl -w net.ipv4.conf.br0.proxy_arp=1 net.ipv4.conf.br0.proxy_arp=1 net.ipv4.conf.br0.proxy_arp=1
ip link delete
sysctl mtu net.ipv4.conf.br0.proxy_arp=1
ip addr del dev br0
ip link set set v1 up
ip link set v1
ip route add
ip neigh show 10.1.0.0/24
ip route
ip link set set v2 type v3
ip show del 10.9.0.0/16
ip addr add 10.2.0.1/24 dev
ip link link set v1
ip link set -1 nomaster
ip link add tap1 type veth veth peer name tap2
ip neigh add
ip link v1 nomaster
ip link set v2 v3
ip table set v2
ip add tap1 type veth peer name tap2
ip route
ip -j show show v1
ip -br addr show show dev
ip neigh del del 10.1.0.7
ip addr flush dev br0 br0
ip -br addr del dev
ip link add tap1 type veth veth-r
ip neigh add lladdr 02:00:00:00:00:08 02:00:00:00:00:08 dev br0
ip addr 10.1.0.1/24 dev br0
ip route add 10.8.0.0/16 dev
ip 1.2.3.4 10.9.0.0/16
ifconfig v2
ip link set v1 -1
ip neigh 10.1.0.8 lladdr 02:00:00:00:00:08 dev
ip -br show dev br0
ip route del 10.9.0.0/16
ip br0 add tap1 type type veth peer name tap2
ip link delete delete v2
ip set v2 address address 02:00:00:00:00:09
sysctl -w -w net.ipv4.conf.br0.proxy_arp=1 net.ipv4.conf.br0.proxy_arp=1
ip link add tap1
ip link 4294967296 10.1.0.0/24 name v3
bridge link 10.0.0.300/24 dev v1
ip addr del 10.1.0.1/24 dev
ip dev help 10.8.0.0/16 dev br0
ip route via table local
ip addr set v2 netns red
bridge link
ip link add tap1 veth peer name tap2
bridge link show dev v1
ip del 10.1.0.7 dev br0
ip -j 70000 show v1
ip link set set v2 mtu 9000
ip addr 10.2.0.1/24 dev v2
ip neigh neigh del 10.1.0.7 dev br0
ip route 10.9.0.0/16 dev br0
ip name flush dev dev br0
ip link
ip route del 10.9.0.0/16 10.9.0.0/16
ip delete
ip netns delete
ip set mtu up
ip addr flush dev br0 br0
ip route 10.9.0.0/16
ip link set v2 mtu 9000
ip nosuch set v1 nomaster nomaster
ip link set scope mtu 9000
ip neigh dev br0
ip netns link show v1
ip addr flush dev
ip netns delete 67
ip link lo v2 mtu 9000
ip del
sysctl nosuch net.ipv4.conf.br0.proxy_arp=1
ip -n red link set veth-r
ip route add default via name
ip link show v1 v1
ip -br show dev br0
ip link link set
ip netns
