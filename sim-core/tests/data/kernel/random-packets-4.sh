# random-packets.py 4 200: generated; recorded on a real kernel
ip netns add a
ip netns add b
ip netns add c
ip link add br0 type bridge
ip link set br0 up
ip link add ha type veth peer name ea netns a
ip -n a link set lo up
ip -n a addr add 10.0.0.2/24 dev ea
ip addr add 10.0.0.1/24 dev ha
ip link set ha up
ip -n a link set ea up
ip link add hb type veth peer name eb netns b
ip -n b link set lo up
ip -n b addr add 10.0.1.2/24 dev eb
ip addr add 10.0.1.1/24 dev hb
ip link set hb up
ip -n b link set eb up
ip link add hc type veth peer name ec netns c
ip -n c link set lo up
ip -n c addr add 10.0.2.2/24 dev ec
ip addr add 10.0.2.1/24 dev hc
ip link set hc up
ip -n c link set ec up
ip link add x type veth peer name y
ip link set x netns a
ip link set y netns b
ip -n a addr add 10.9.0.1/24 dev x
ip -n b addr add 10.9.0.2/24 dev y
ip -n a link set x up
ip -n b link set y up
ping -c 1 -W 1 10.0.0.1
ip netns exec c sysctl -w net.ipv4.ip_forward=0
ip netns exec c ping -c 1 -W 1 192.168.7.7
ip -n a route del default
sysctl -w net.ipv4.ip_forward=0
ip link set hb name hb2
sysctl -w net.ipv4.conf.all.proxy_arp=0
ip netns exec b sysctl -w net.ipv4.conf.all.forwarding=-1
ip route get 10.0.1.1
ip netns exec a ping -c 1 -W 1 10.0.0.1
ip -n c route del default
sysctl net.ipv4.conf.ha.forwarding net.ipv4.conf.ha.proxy_arp
ip addr add 10.0.0.1/24 dev ha
ip -n b link add eb type veth peer name hb
ip addr add 10.0.1.254/24 dev br0
ip netns exec b ping -q -c 1 -W 1 127.0.0.1
ip -n c link set ec up
ip -n a route
ip netns exec a ping -c 1 -W 1 10.0.2.1
sysctl net.ipv4.conf.ha.forwarding net.ipv4.conf.ha.proxy_arp
ip -n b neigh
ip -n b link set eb down
sysctl net.ipv4.conf.hb.forwarding net.ipv4.conf.hb.proxy_arp
ip addr add 10.0.1.1/24 dev hb
ip -n c link set ec name veth%d
ip link set hc name hc2
sysctl -w net.ipv4.conf.all.proxy_arp=0
ip -n c link set ec name veth%d
ip link set ha up
ip link set ha up
ip route replace 10.9.0.0/24 via 10.0.1.2
ip -n b link set veth0 name eb
ip addr add 10.0.0.254/24 dev br0
ip -n a link set ea up
ip netns exec c ping -q -c 1 -W 1 10.0.0.2
ip -n a link set y up
ip route replace 10.9.0.0/24 via 10.0.2.2
sysctl -w net.ipv4.conf.ha.proxy_arp=0
ip -n b route replace default via 10.0.1.1
bridge fdb show br br0
ip -n b link set lo up
sysctl -w net.ipv4.conf.hb.forwarding=5
ip -n a route replace default via 10.0.0.1
ip -n c link set ec netns a
ip -n b -br addr
ip addr add 10.0.1.1/24 dev hb
sysctl -w net.ipv4.conf.hc.forwarding=0
ip -n b link set eb name veth%d
ip neigh
ip -n b link add eb type veth peer name hb
sysctl -w net.ipv4.conf.hb.proxy_arp=0
ip -n a link set ea up
ip -n c route del default
sysctl -w net.ipv4.ip_forward=0
ip netns exec c ping -c 1 -W 1 10.0.0.2
ip addr add 10.0.2.254/24 dev br0
ip addr flush dev hb
sysctl -w net.ipv4.ip_forward=0
iptables -t nat -F
ip addr add 10.0.1.1/24 dev hb
ip addr add 10.0.2.254/24 dev br0
iptables -t nat -F
sysctl -w net.ipv4.conf.ha.forwarding=5
ip -n b link set lo down
ip -n b -br addr
ip -n c link set veth0 name ec
ip -n b link set y down
ip route replace 10.9.0.0/24 via 10.0.1.2
iptables -t nat -F
sysctl -w net.ipv4.conf.all.proxy_arp=0
ip netns exec a ping -c 1 -W 1 192.168.7.7
ip netns exec c sysctl -w net.ipv4.ip_forward=0
ip netns exec c ping -c 2 -i 0.2 -W 1 10.9.0.2
sysctl -w net.ipv4.ip_forward=1
ip addr add 10.0.2.1/24 dev hc
iptables -t nat -F
ip -n b link set eb up
ip addr flush dev ha
ip netns exec c ping -c 1 -W 1 10.9.0.2
ip link set hb down
ip link set hc nomaster
ip link set hb2 name hb
ip -n b route del default
ip netns exec a ping -c 1 -W 1 10.0.0.3
ip -n b link set ec netns c
iptables -t nat -F
ip link add ha type veth
ip link add ha type veth
sysctl -w net.ipv4.conf.ha.proxy_arp=1
ip -n b link set y up
ip netns exec a ip route get 10.0.2.2
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip addr add 10.0.0.254/24 dev br0
ip link set hb up
ip addr add 10.0.2.254/24 dev br0
ip link add hc type veth
sysctl -w net.ipv4.ip_forward=1
ip -n c route del default
ip route get 10.0.0.1
ip -n b route replace default via 10.0.1.1
ip route
ip addr flush dev hb
iptables -t nat -F
ip addr add 10.0.0.1/24 dev ha
ip netns exec b sysctl -w net.ipv4.ip_forward=1
ip link add hb type veth
ip netns exec a sysctl -w net.ipv4.ip_forward=1
ip -n b link set eb up
ip netns exec a ping -q -c 1 -W 1 10.0.2.1
ip netns exec c ip route get 192.168.7.7
ip link add ha type veth
bridge fdb show br br0
ip -n c link set ec up
ping -c 1 -W 1 192.168.7.7
ip link set hc name hc2
ip -n a link set ea name veth%d
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
sysctl -w net.ipv4.conf.all.proxy_arp=0
sysctl -w net.ipv4.conf.hb.proxy_arp=0
ip -n c -br addr
ip netns exec b sysctl -w net.ipv4.conf.all.forwarding=-1
ip netns exec c ip route get 10.0.3.9
ip route get 10.0.0.2
ip -n c route
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
iptables -t nat -F
ip -n a route replace default via 10.0.0.1
ip netns exec b ping -c 2 -i 0.2 -W 1 10.0.0.2
ip netns exec b ping -c 1 -W 1 10.9.0.2
ip netns exec b ping -c 1 -W 1 10.0.2.1
ip neigh
ip -n b route del default
sysctl -w net.ipv4.ip_forward=0
ip -n a link set ea name veth%d
ip -n b addr add 10.0.1.2/24 dev eb
ip -n b link set veth0 name eb
bridge fdb show br br0
ip -n c link set ec up
sysctl -w net.ipv4.conf.all.proxy_arp=0
bridge fdb show br br0
ip netns exec c ping -c 1 -W 1 10.0.1.2
ip link add hb type veth
ip -n c link set ec down
ip -n c route replace default via 10.0.2.1
ip netns exec a sysctl -w net.ipv4.conf.all.forwarding=2
iptables -t nat -F
ip link add hb type veth
ip -n b link set x down
ip link set ha up
sysctl -w net.ipv4.conf.all.proxy_arp=4
ip -n b addr add 10.0.1.2/24 dev eb
ip -n a link set veth0 name ea
ip netns exec a ip route get 10.0.0.1
ip -n a link set ea up
sysctl -w net.ipv4.conf.ha.forwarding=1
sysctl -w net.ipv4.conf.ha.proxy_arp=0
ip route replace 10.9.0.0/24 via 10.0.1.2
sysctl -w net.ipv4.conf.hc.forwarding=0
ip netns exec b ping -c 2 -i 0.2 -W 1 10.0.2.1
ip netns exec b ping -c 2 -i 0.2 -W 1 10.0.0.1
ip netns exec b ping -c 1 -W 1 10.0.0.1
ip -n b link set lo up
ip -n a link set y down
ip netns exec c ping -c 1 -W 1 10.0.1.1
ip netns exec a sysctl -w net.ipv4.conf.all.forwarding=0
ip link set ha2 name ha
ip addr add 10.0.0.1/24 dev ha
ip -n a link add ea type veth peer name ha
ip -n b route
ip -n a route del default
ip -n a link set x down
iptables -t nat -F
ip -n a route del default
sysctl -w net.ipv4.ip_forward=1
ip -n c neigh
sysctl -w net.ipv4.conf.hc.proxy_arp=2
ip -n b link set lo up
ip -n b link set ec netns c
ip -n b link add eb type veth peer name hb
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip link add ha type veth
ip netns exec b sysctl -w net.ipv4.ip_forward=0
ip -n c link set veth0 name ec
ip -n b link set lo up
ip link set hc nomaster
sysctl -w net.ipv4.conf.hb.proxy_arp=1
ip netns exec c ping -q -c 1 -W 1 10.0.0.3
ip route replace 10.9.0.0/24 via 10.0.1.2
ip netns exec c ping -c 1 -W 1 127.0.0.1
ip netns exec a ip route get 10.0.0.1
ip -n c link set eb netns b
sysctl -w net.ipv4.conf.ha.proxy_arp=2
ip -n a route del default
sysctl -w net.ipv4.conf.hb.proxy_arp=0
ip -n a link set x up
ip -n b route
sysctl -w net.ipv4.conf.all.proxy_arp=4
ip -n b link set eb down
sysctl -w net.ipv4.conf.all.proxy_arp=4
