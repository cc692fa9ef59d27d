# random-packets.py 5 200: generated; recorded on a real kernel
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
ip link set hc2 name hc
sysctl -w net.ipv4.conf.hc.proxy_arp=2
sysctl -w net.ipv4.conf.all.proxy_arp=0
ip addr add 10.0.0.254/24 dev br0
ip addr add 10.0.1.254/24 dev br0
ip -n a addr add 10.0.0.2/24 dev ea
ping -c 2 -i 0.2 -W 1 10.9.0.1
ip -n c neigh
sysctl -w net.ipv4.conf.hb.proxy_arp=1
ip -n b link set y down
ip -n c link set veth0 name ec
ip route replace 10.9.0.0/24 via 10.0.0.2
ip link set hc down
sysctl -w net.ipv4.conf.hc.proxy_arp=1
ip -n a link set y down
ip route replace 10.9.0.0/24 via 10.0.0.2
ip addr add 10.0.1.1/24 dev hb
ip link set ha nomaster
ip -n a link set lo up
ping -c 1 -W 1 10.0.0.3
ip link set hc down
ip -n a link set veth0 name ea
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip link set ha up
sysctl -w net.ipv4.ip_forward=1
ip -n b link add eb type veth peer name hb
ping -c 1 -W 1 10.0.0.3
ip route replace 10.9.0.0/24 via 10.0.2.2
ip link set hb2 name hb
sysctl -w net.ipv4.conf.hb.forwarding=5
ip addr add 10.0.1.1/24 dev hb
ip netns exec b sysctl -w net.ipv4.conf.all.forwarding=-1
ip -n a link set lo down
ip -n b link set eb down
ip -n a route
sysctl net.ipv4.conf.hc.forwarding net.ipv4.conf.hc.proxy_arp
ip -n b link set eb netns c
sysctl -w net.ipv4.conf.hb.proxy_arp=0
ip -n c link set ec netns b
sysctl -w net.ipv4.conf.hb.proxy_arp=-3
ip link set hc up
ip -n a link set eb netns b
ip netns exec a ip route get 10.0.2.2
iptables -t nat -F
ip netns exec c ping -q -c 1 -W 1 10.0.1.1
sysctl -w net.ipv4.conf.hb.proxy_arp=0
sysctl net.ipv4.conf.hc.forwarding net.ipv4.conf.hc.proxy_arp
ip -n a link set y up
ip link set ha nomaster
ip addr add 10.0.0.1/24 dev ha
ip link set hc2 name hc
ip -n b link set veth0 name eb
ip route get 10.9.0.2
sysctl -w net.ipv4.conf.all.proxy_arp=0
ip addr add 10.0.1.1/24 dev hb
ip -n c addr add 10.0.2.2/24 dev ec
ip link set hc nomaster
ip -n b route replace default via 10.0.1.1
ip -n a link set x down
bridge fdb show br br0
ip -n b link set ea netns a
ip -n a link set ea netns c
ip -n c link set lo up
ip -n a link set x up
sysctl -w net.ipv4.conf.hb.proxy_arp=1
ip netns exec c ping -q -c 1 -W 1 10.0.0.3
ip -n b link set eb up
ip link set hb name hb2
ip -n a link set ea up
ip -n a route del default
ip netns exec a ping -c 1 -W 1 10.0.0.1
ip -n b link set y up
ip -n a route replace default via 10.0.0.1
sysctl -w net.ipv4.ip_forward=0
ip -n c neigh
sysctl -w net.ipv4.ip_forward=1
ip -n a link set ea up
ip link set hb2 name hb
ip -n b link set lo up
ip netns exec b ip route get 10.0.0.3
ip netns exec b ip route get 10.0.0.2
sysctl -w net.ipv4.conf.hb.proxy_arp=0
ip -n a link set ea name veth%d
ip -n a route del default
ip addr add 10.0.1.1/24 dev hb
ip -n a link set ea netns a
ip netns exec a ip route get 10.9.0.2
ip addr add 10.0.1.1/24 dev hb
ip netns exec a sysctl -w net.ipv4.conf.all.forwarding=0
ip -n a link set x down
ip -n c route replace default via 10.0.2.1
ip -n c link set ec name veth%d
ip -n a addr add 10.0.0.2/24 dev ea
ip addr add 10.0.0.1/24 dev ha
iptables -t nat -F
ip -n b route replace default via 10.0.1.1
ip link add ha type veth
ip addr add 10.0.1.254/24 dev br0
sysctl -w net.ipv4.ip_forward=0
ping -c 1 -W 1 10.9.0.2
ip -n c route del default
ip addr add 10.0.2.1/24 dev hc
ip -n a link set ea netns b
sysctl -w net.ipv4.conf.ha.proxy_arp=0
sysctl -w net.ipv4.conf.ha.proxy_arp=1
sysctl net.ipv4.conf.hb.forwarding net.ipv4.conf.hb.proxy_arp
ip -n a link set ea up
ip -n a link set ea name veth%d
ip link set ha nomaster
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip addr add 10.0.2.254/24 dev br0
ip -n a link set ea name veth%d
ip link set hc down
bridge fdb show br br0
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
sysctl -w net.ipv4.ip_forward=0
ip link add hb type veth
ip route
ip -n b link add eb type veth peer name hb
sysctl -w net.ipv4.ip_forward=1
ip addr add 10.0.2.254/24 dev br0
ip netns exec b ping -c 2 -i 0.2 -W 1 10.9.0.1
ip addr add 10.0.1.254/24 dev br0
ip link set hc up
ip netns exec a sysctl -w net.ipv4.ip_forward=1
ip -n c route replace default via 10.0.2.1
sysctl -w net.ipv4.conf.ha.proxy_arp=2
ip link set ha master br0
ip link set hc name hc2
ip -n b addr add 10.0.1.2/24 dev eb
ip addr flush dev hc
ip link set ha down
ip addr add 10.0.3.254/24 dev br0
ping -c 1 -W 1 10.0.0.3
ip netns exec b ping -c 1 -W 1 10.0.0.2
ip -n b link set eb netns a
ip netns exec c ping -c 1 -W 1 10.0.0.2
ip -n c route
ip -n a link set lo down
ip link set hc2 name hc
sysctl -w net.ipv4.conf.hc.forwarding=0
ip -n b route del default
sysctl -w net.ipv4.conf.ha.proxy_arp=1
ip -n a link set veth0 name ea
ip -n a route del default
ip -n b link set y down
ip addr add 10.0.0.254/24 dev br0
ip netns exec c ip route get 10.0.0.2
iptables -t nat -F
ip link set ha name ha2
ip netns exec c ip route get 10.9.0.1
ping -c 2 -i 0.2 -W 1 127.0.0.1
sysctl -w net.ipv4.ip_forward=1
sysctl -w net.ipv4.conf.hb.forwarding=5
ip -n c link set ec up
ip link set ha nomaster
iptables -t nat -F
ip netns exec c sysctl -w net.ipv4.conf.all.forwarding=2
sysctl -w net.ipv4.conf.hb.proxy_arp=-3
ip -n a -br addr
ip -n a addr add 10.0.0.2/24 dev ea
ip -n c link set ec down
ip addr flush dev hb
ip route replace 10.9.0.0/24 via 10.0.0.2
ping -c 1 -W 1 10.0.2.2
ip netns exec b ping -c 1 -W 1 10.0.1.1
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip -n a link set ea up
ip addr flush dev ha
sysctl -w net.ipv4.conf.all.proxy_arp=4
bridge fdb show br br0
ip link set ha name ha2
sysctl -w net.ipv4.ip_forward=0
ip netns exec b ping -c 1 -W 1 192.168.7.7
sysctl -w net.ipv4.conf.ha.proxy_arp=2
sysctl net.ipv4.conf.ha.forwarding net.ipv4.conf.ha.proxy_arp
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip -n c link set ec up
ip route replace 10.9.0.0/24 via 10.0.1.2
ip netns exec c ping -c 1 -W 1 127.0.0.1
sysctl -w net.ipv4.conf.all.proxy_arp=0
ip netns exec c ping -c 1 -W 1 10.9.0.1
ip -n b link set eb up
ip netns exec b ip route get 10.0.0.1
ip -n b route
ip -n c addr add 10.0.2.2/24 dev ec
ip -n b neigh
ip -n b route replace default via 10.0.1.1
sysctl -w net.ipv4.conf.all.proxy_arp=4
ip -n b route replace default via 10.0.1.1
ip -n c link set ec up
ping -c 1 -W 1 10.9.0.2
ip addr add 10.0.2.1/24 dev hc
ip link set ha down
ip link set hc nomaster
ip route get 10.0.2.2
bridge fdb show br br0
ip link set hc up
ip addr add 10.0.0.254/24 dev br0
ip -n b link set x down
