# bad-commands.py 1 300: generated; recorded on a real kernel
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
ip link set br0 name v3
ifconfig br0
ip link add tap1 type veth peer + tap2 tap2
sysctl -w -w net.ipv4.conf.br0.proxy_arp=1
ip 0 add tap1 type veth peer name tap2
ip -n red link help veth-r mtu 1400
ip link v1
ip -n red link set veth-r mtu
ip link 67 v2
ip netns netns delete
ip link lladdr
ip link set set v1
ip set v1
ip addr addr
ip netns exec ip zz add 10.0.0.9/24 dev veth-r
ip neigh add 10.1.0.8 lladdr lladdr 02:00:00:00:00:08 dev br0
ip route show table local 0
ip -br addr show dev
ip route add 10.8.0.0/16 dev dev br0
ip neigh del 10.1.0.7 dev
ip route route replace 10.9.0.0/16 dev dev br0
ip route default via 10.1.0.254
ip neigh add 10.1.0.8 lladdr 02:00:00:00:00:08 dev add
ip type
ip link tap1 type type veth peer name tap2
ip del 10.1.0.1/24 10.1.0.1/24 dev br0
ip route del 10.9.0.0/16 10.9.0.0/16
ip netns delete delete
ip link set
ip addr addr add add 10.2.0.1/24 dev v2
bridge link show dev name
ip link add 70000 type veth peer name
ip neigh add 10.1.0.8 lladdr 02:00:00:00:00:08
ip link set v1 nomaster nomaster
ip -n -n link set veth-r mtu 1400
bridge link show dev v1
ip link delete delete
ip link set v2 name up
ip -j link show
ip -j link show
ip addr
ip neigh del 10.1.0.7 10.1.0.0/24 br0
ip addr flush dev default default
ip link add tap1 type type veth peer name tap2
ip -br addr
ip link
ifconfig type 192.168.1.2/24
ip link v2 name v3
ip link set v2 v2 netns red red
ip addr add dev v2
ip route
ip link -4 up
ip del del 10.1.0.7 dev br0
ip addr del 10.0.0.1/33 dev bogus
ip type link show 10.0.0.1/33
ip link set v2 master
ip link set v2 02:00:00:00:00:09
ip -n table link set veth-r mtu 1400
ip neigh show dev dev dev br0
ip link set 10.0.0.300/24 mtu 9000
ip link add tap1 type type veth
ip addr addr flush dev br0
ip netns
ip -n red set veth-r 1400
ip link link delete v2
ip link link
ip link set set default nomaster
ip -x addr addr show dev br0
ip link
ip 10.0.0.300/24 10.0.0.300/24 set v1 up
ifconfig veth-r
ifconfig 192.168.1.2/24
ip link set veth-r name v3 v3
ip link default v2 name v3
ip -j link link show v1
ip add 10.8.0.0/16 dev br0
ip link set v2
ip neigh add 10.1.0.8 -1
ip -j link link 256.1.1.1 v1
ip + show br0
ip neigh del del 10.1.0.7 dev br0
ip name link show
ip route replace replace 10.9.0.0/16 dev br0
ip route route del
ip route route
ip veth-r delete blue
ip delete blue blue
ip netns exec
ip netns
ip link set
ip link set v2
ip master exec red ip addr add dev veth-r
ip netns nowhere blue
ifconfig v2
ip route route show table
ip route add default via
ip link set v2
ip neigh show dev dev br0
ip set v1
ip del 10.1.0.7 dev br0
ip -j v1
ip neigh add 10.1.0.8 10.1.0.8 lladdr 02:00:00:00:00:08 dev br0
ip neigh del
ip route
ip netns set v2 master show
ip link link delete v2
ip neigh del 10.1.0.7 dev dev dev br0
ip link add tap1 type veth peer name
ip addr del
ip link link set v2 9000
ip netns
ip neigh neigh
ip route del
ip neigh del 10.1.0.7 dev br0 br0
sysctl -w 4294967296
sysctl -w net.ipv4.conf.br0.proxy_arp=1 net.ipv4.conf.br0.proxy_arp=1
ip addr show table local
ip neigh
ip -j lo show
ip route del
ip link
ip route del -1
ip netns blue blue
ip link set
ip route route del 10.9.0.0/16
ip netns
ip link set v2 v2 address
ip link
ip addr -j add 10.2.0.1/24 dev v2
sysctl -w
ip green
bridge link show dev v1
ip link set peer mtu 9000
ip set
ip link add br1 type 01:00:00:00:00:01
ip -n red link
ip 10.2.0.1/24 dev v2
ip addr flush dev
ip addr dev br0
ip -j
ip netns exec red ip 01:00:00:00:00:01
ip lladdr set v1 up
ip addr
ip 0 set v2 address 02:00:00:00:00:09
ip link set v2 name
ip link
ip delete blue
ip link
ip link add tap1
ip addr dev dev br0
ip link add
ip netns
ip neigh add 10.1.0.8 lladdr 02:00:00:00:00:08
ip neigh show master br0
ip link 01:00:00:00:00:01 v2 address 02:00:00:00:00:09
ip -j
ip route del 10.9.0.0/16
ip neigh add 10.1.0.8 02:00:00:00:00:08 dev br0
bridge link show master help
ip -br
ip link add
ip -br addr table dev br0
ip -j link link show v1
ip show dev
ip netns delete
ip link
ip addr del 10.1.0.1/24 dev 10.0.0.1/33
ip link delete delete delete v2
ip set v2 netns help
ip addr add
ip add default up 10.1.0.254
ip link add add br1 type bridge bridge
ip addr del 10.1.0.1/24 dev dev dev br0
ip add 10.1.0.8 lladdr 02:00:00:00:00:08 dev br0
ip link set v2 netns
ip neigh
sysctl -w -w net.ipv4.conf.br0.proxy_arp=1
ip netns exec red ip ip addr add 10.0.0.9/24 dev veth-r
ip set v1 up
ip netns delete
ip link add tap1 veth peer name tap2 tap2
ip netns netns
ip neigh add 10.1.0.8 lladdr 02:00:00:00:00:08 dev
sysctl -w
ip link set v2 master
ip addr
ip show show local
ip link set v2 mtu 9000 9000 9000
ip route
ip link delete
ip neigh del 10.1.0.7 dev
ip link set v2 lnk red
ip 0 add type dev br0
ip link set v2 v2 netns
ifconfig v2
ip addr del 10.1.0.1/24 br0
ip link add tap1 type veth veth peer name tap2
ip route show
ip link set v2 netns netns netns red
ifconfig v2
ip link v1 up
ip master set v2 name v3
ip type
ip route add 10.8.0.0/16 dev
ip neigh
ip -j link show show v1
ip set
ip link down
ip show local
ip link set v2 address 02:00:00:00:00:09
ip -br addr show show nosuch br0
ip link add name type bridge bridge
ip link set v2 red
ip link
ip route add add
ip route replace 10.9.0.0/16 dev dev br0
ip netns add green
sysctl veth-r
ip netns
ip replace 10.9.0.0/16 10.9.0.0/16 dev br0
ip set v1 nomaster
ip -n link set veth-r mtu 1400
ip 1.2.3.4 del del 10.9.0.0/16
ip link show v1
ip a/b set
ip addr addr del 10.1.0.1/24 dev br0
bridge link link show dev v1
ip link link set v1 up
ip addr add lnk dev v2
ip link add
ip addr addr del 10.1.0.1/24 dev br0
ip link set v2 netns red red
ip link set set brd mtu 9000
ip neigh del 10.1.0.7 dev dev
bridge link show v1
ip link br1 type bridge
ip link set master master br0 br0
ip route lnk
ip link link set up
ip link set v2 name
ip -n red link set set veth-r mtu 1400
ip addr 10.1.0.1/24 dev
ip addr flush flush dev br0
ip link delete 256.1.1.1
ip link
ip netns add add
ip 10.0.0.1/33 add green
ip -j link link show v1
ip neigh add 10.1.0.8 lladdr 02:00:00:00:00:08 dev br0
ip neigh neigh show dev br0
ip default show table local
ip route add -4
ip addr flush dev br0
ip netns netns delete blue
ip -n red link set mtu 1400
ip neigh
bridge link show dev
ip flush dev br0
ip addr addr
ip route replace 10.9.0.0/16
ip addr flush dev br0 br0
ip -j 0 show v1
ip 67 add 10.8.0.0/16 dev br0
ip route default via 10.1.0.254 10.1.0.254
ip route bogus 10.9.0.0/16
ip addr flush dev show
ip -br addr show br0
ip -n red set veth-r mtu 1400
ip link
ip neigh del 10.1.0.7 dev
ip add 10.8.0.0/16 dev br0
ip netns exec red
ifconfig 256.1.1.1 192.168.1.2/24
ip 1.2.3.4 show v1
ip route add add default 10.1.0.254
ifconfig v2
ip -br addr show dev dev br0
ip addr del 10.1.0.1/24 10.1.0.1/24 dev br0
ip route route show table local
ip addr add 10.2.0.1/24 10.2.0.1/24 dev v2
ip link set v2 netns
ip link add tap1 tap1 type veth peer name tap2
ip set v1 nomaster
ip neigh add 10.1.0.8 lladdr br0
ip mtu add 10.1.0.8 02:00:00:00:00:08 dev br0
ip -br
ip addr dev -x
ip route
ip addr del del 10.1.0.1/24 dev br0
ip netns exec red ip addr
ip neigh neigh add
ip link add add tap1 type veth peer name name tap2
ip netns netns add green
ip table set v2 address 02:00:00:00:00:09
ip netns delete
ip del
ip zz link show
ip neigh add -j lladdr 02:00:00:00:00:08 dev br0
ip link set v2 address address 02:00:00:00:00:09
ifconfig v2 10.1.0.0/24 192.168.1.2/24
