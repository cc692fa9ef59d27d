# random-packets.py 1 150: generated; recorded on a real kernel
ip netns add a
ip netns add b
ip netns add c
ip link add br0 type bridge
ip link set br0 up
ip link add ha type veth peer name ea netns a
ip -n a link set lo up
ip -n a addr add 10.0.0.2/24 dev ea
ip addr add 10.0.0.1/24 dev ha
ip link add hb type veth peer name eb netns b
ip -n b link set lo up
ip -n b addr add 10.0.1.2/24 dev eb
ip addr add 10.0.1.1/24 dev hb
ip link add hc type veth peer name ec netns c
ip -n c link set lo up
ip -n c addr add 10.0.2.2/24 dev ec
ip addr add 10.0.2.1/24 dev hc
ip link add x type veth peer name y
ip link set x netns a
ip link set y netns b
ip -n a addr add 10.9.0.1/24 dev x
ip -n b addr add 10.9.0.2/24 dev y
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip netns exec b ip route get 10.0.0.2
ip -n a route
ip addr flush dev ha
ip netns exec a ping -c 1 -W 1 127.0.0.1
ip route replace 10.9.0.0/24 via 10.0.2.2
iptables -t nat -F
ip -n c link set lo up
sysctl -w net.ipv4.conf.hc.proxy_arp=1
ip -n a link set x up
ping -c 2 -i 0.2 -W 1 10.0.2.2
ip route replace 10.9.0.0/24 via 10.0.0.2
ip -n a link set lo up
ip -n b link set x down
ip -n a route del default
ip -n a link set lo up
iptables -t nat -F
ip -n a -s link show
bridge fdb show br br0
ip link set ha nomaster
ip link set hc master br0
bridge fdb show br br0
ip route replace 10.9.0.0/24 via 10.0.2.2
ip -n c link set lo down
ip netns exec c ping -c 1 -W 1 10.0.0.2
sysctl -w net.ipv4.conf.ha.proxy_arp=0
ip netns exec a ping -c 1 -W 1 10.0.3.9
ip -n a route
ip netns exec b sysctl -w net.ipv4.ip_forward=0
ip netns exec a ping -c 1 -W 1 10.0.0.1
iptables -t nat -F
iptables -t nat -F
sysctl -w net.ipv4.conf.ha.proxy_arp=0
ip -n a route del default
ip addr flush dev hc
ip -n a link set lo down
sysctl -w net.ipv4.conf.hb.proxy_arp=1
ip -n b route del default
iptables -t nat -F
ip -n c link set ec down
ip -n c route replace default via 10.0.2.1
iptables -t nat -F
ip -n b route
ip -n a route replace default via 10.0.0.1
ip addr add 10.0.1.1/24 dev hb
bridge fdb show br br0
ip netns exec b ip route get 10.0.2.2
ip -n a route del default
ip addr add 10.0.0.1/24 dev ha
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip addr flush dev ha
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
bridge fdb show br br0
ip -n b link set eb down
ip -n b link set x up
ip addr add 10.0.0.1/24 dev ha
ip -n a route replace default via 10.0.0.1
iptables -t nat -F
ip -n a route
ip netns exec c ip route get 10.0.0.3
ip -n c route replace default via 10.0.2.1
ip link set hb nomaster
ip addr add 10.0.3.254/24 dev br0
ip addr flush dev hb
ip -s link show
bridge fdb show br br0
ip addr flush dev hc
ip netns exec a ip route get 10.0.0.2
ip -n c -s link show
ip -n b neigh
ip -n a -s link show
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip addr add 10.0.0.1/24 dev ha
iptables -t nat -F
ip addr add 10.0.0.254/24 dev br0
ip netns exec b ping -c 2 -i 0.2 -W 1 10.0.2.2
ip link set hc master br0
ip -n c neigh
ip -n b route replace default via 10.0.1.1
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip -n a link set lo up
ip netns exec c ping -c 1 -W 1 10.0.1.1
iptables -t nat -F
ip -n c route del default
ip -n b route
ip -n a -s link show
ip route replace 10.9.0.0/24 via 10.0.1.2
ip -n c -s link show
ip netns exec c sysctl -w net.ipv4.ip_forward=0
ip -n b link set lo down
ip -n b route replace default via 10.0.1.1
bridge fdb show br br0
ip -n c route del default
ip link set ha down
sysctl -w net.ipv4.ip_forward=1
bridge fdb show br br0
sysctl -w net.ipv4.conf.ha.proxy_arp=1
ip -n b link set y down
ip -n b route
ip link set hc down
ip -n c neigh
ip -n c route del default
ip addr flush dev hc
ip link set hb master br0
sysctl -w net.ipv4.conf.ha.proxy_arp=1
ip link set hb nomaster
ip -n b -s link show
ip addr add 10.0.2.254/24 dev br0
iptables -t nat -F
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip netns exec c sysctl -w net.ipv4.ip_forward=0
sysctl -w net.ipv4.conf.hc.proxy_arp=0
ip -n b link set y up
ip link set hc master br0
ip netns exec b sysctl -w net.ipv4.ip_forward=0
ping -c 1 -W 1 192.168.7.7
ip netns exec a ip route get 10.0.2.2
ip -n c neigh
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip addr add 10.0.2.254/24 dev br0
ip netns exec c ping -c 2 -i 0.2 -W 1 10.0.2.2
sysctl -w net.ipv4.conf.hb.proxy_arp=1
ip -n b route
ip -n a route del default
ip -n a route
ip addr add 10.0.2.1/24 dev hc
ip -n a link set x up
ip netns exec b ping -c 1 -W 1 10.0.1.1
ip netns exec a ip route get 10.9.0.2
ip -n b link set y up
ip netns exec c ip route get 127.0.0.1
sysctl -w net.ipv4.conf.ha.proxy_arp=1
ip -n b -s link show
ip netns exec c ip route get 10.0.1.1
sysctl -w net.ipv4.conf.hc.proxy_arp=1
ip link set hc down
ip link set hc master br0
ip -n c route replace default via 10.0.2.1
ip addr add 10.0.1.1/24 dev hb
ip netns exec b sysctl -w net.ipv4.ip_forward=1
ip -n b route replace default via 10.0.1.1
ip -n a link set lo up
iptables -t nat -F
ip -n c link set lo down
ip addr add 10.0.2.1/24 dev hc
bridge fdb show br br0
ip addr add 10.0.1.1/24 dev hb
ip netns exec c ping -c 1 -W 1 10.0.0.3
ip addr add 10.0.1.254/24 dev br0
iptables -t nat -F
