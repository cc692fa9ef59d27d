# random-packets.py 2 200: generated; recorded on a real kernel
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
ip -n c route
ip addr add 10.0.0.1/24 dev ha
ip link set hb nomaster
ip link set hc up
ip netns exec a ping -c 1 -W 1 10.0.0.1
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip -n b link set eb up
ip netns exec a ping -c 1 -W 1 192.168.7.7
ip route replace 10.9.0.0/24 via 10.0.0.2
ip route replace 10.9.0.0/24 via 10.0.0.2
ip -n c neigh
ip route replace 10.9.0.0/24 via 10.0.1.2
ip -n b link set eb down
ip addr add 10.0.0.254/24 dev br0
ip netns exec a ping -c 1 -W 1 10.0.0.1
ip -n b route del default
ip netns exec c ping -q -c 1 -W 1 10.0.2.1
ip netns exec b ping -c 1 -W 1 127.0.0.1
ip link set ha master br0
sysctl -w net.ipv4.conf.ha.proxy_arp=1
ip -n c link set lo up
ip -n b route
ip -n a route replace default via 10.0.0.1
ip netns exec a ping -q -c 1 -W 1 10.9.0.1
ip -n c route replace default via 10.0.2.1
ip -n b link set lo down
iptables -t nat -F
ip route replace 10.9.0.0/24 via 10.0.2.2
ip netns exec c ping -c 1 -W 1 10.9.0.1
ip addr add 10.0.0.254/24 dev br0
ping -c 1 -W 1 10.0.3.9
sysctl -w net.ipv4.ip_forward=0
sysctl -w net.ipv4.ip_forward=0
ip -n c neigh
ip netns exec c ip route get 10.0.2.1
ip netns exec b sysctl -w net.ipv4.ip_forward=0
ip route get 127.0.0.1
ip -n b link set eb down
ip link set hc master br0
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
sysctl -w net.ipv4.ip_forward=0
ip -n c route replace default via 10.0.2.1
ip netns exec b sysctl -w net.ipv4.ip_forward=1
bridge fdb show br br0
bridge fdb show br br0
ip netns exec b ping -q -c 1 -W 1 127.0.0.1
ip -n c neigh
ip link set hb nomaster
sysctl -w net.ipv4.ip_forward=0
ip -n a route
ip -n a link set ea up
ip netns exec a ping -c 1 -W 1 10.0.3.9
ip -n b link set y up
ip -n a link set ea down
ip addr add 10.0.2.254/24 dev br0
ip -n b link set x down
ip -n b route
ip -n c route
ip -n a link set ea down
iptables -t nat -F
ip link set hc up
ip -n c route
ip link set hb down
ping -c 2 -i 0.2 -W 1 10.0.1.2
ip -n b link set y up
ip addr flush dev hb
ip -n c route replace default via 10.0.2.1
ip addr add 10.0.2.1/24 dev hc
sysctl -w net.ipv4.conf.hc.proxy_arp=0
ip -n b link set y up
ip route replace 10.9.0.0/24 via 10.0.0.2
bridge fdb show br br0
ip route
ip addr add 10.0.0.254/24 dev br0
ip -n c route del default
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ping -q -c 1 -W 1 10.0.0.2
ip -n a neigh
ip -n b link set lo up
ip netns exec b ping -c 1 -W 1 10.0.3.9
ip netns exec b ping -c 1 -W 1 10.0.3.9
ip netns exec b ping -c 1 -W 1 10.0.0.3
ip -n a link set y down
ip link set ha nomaster
ip netns exec c ping -q -c 1 -W 1 10.0.0.2
ip netns exec c sysctl -w net.ipv4.ip_forward=1
ip -n b link set x up
ip netns exec c ping -c 1 -W 1 10.0.0.3
ip link set ha nomaster
ip netns exec c ping -c 1 -W 1 192.168.7.7
ip netns exec a ping -q -c 1 -W 1 10.0.0.2
ip addr add 10.0.2.1/24 dev hc
sysctl -w net.ipv4.conf.hc.proxy_arp=0
ip route
ip link set ha up
ip route replace 10.9.0.0/24 via 10.0.1.2
ip netns exec a ip route get 10.0.0.1
ip -n a route del default
ip link set ha master br0
ip -n a link set lo up
iptables -t nat -F
iptables -t nat -F
iptables -t nat -F
ip link set hc down
ip netns exec b ping -c 1 -W 1 10.0.0.1
ip route
iptables -t nat -F
ip addr add 10.0.2.1/24 dev hc
ip netns exec b ping -c 1 -W 1 10.0.0.2
ip addr add 10.0.1.1/24 dev hb
ip -n b neigh
sysctl -w net.ipv4.ip_forward=1
ip route replace 10.9.0.0/24 via 10.0.0.2
ip netns exec b ping -c 1 -W 1 127.0.0.1
ip netns exec a ping -c 1 -W 1 10.0.0.1
bridge fdb show br br0
ip addr add 10.0.0.1/24 dev ha
iptables -t nat -F
ip -n b link set lo down
ip -n a route del default
ip -n c route
ip netns exec b ping -c 1 -W 1 10.0.2.1
sysctl -w net.ipv4.ip_forward=0
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip addr flush dev ha
ip -n c neigh
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip netns exec c ping -c 1 -W 1 10.0.3.9
ip netns exec c ping -c 1 -W 1 10.0.0.1
ip netns exec c ping -c 1 -W 1 10.0.0.1
ip -n c route replace default via 10.0.2.1
iptables -t nat -F
ip route replace 10.9.0.0/24 via 10.0.0.2
ping -c 1 -W 1 10.0.1.1
ip netns exec c ping -c 2 -i 0.2 -W 1 10.0.0.3
ip netns exec c ping -c 1 -W 1 10.0.0.1
ip netns exec b sysctl -w net.ipv4.ip_forward=1
ip link set hc up
ip -n c link set lo up
ip -n b link set lo up
ip addr add 10.0.1.254/24 dev br0
ip link set hb master br0
ip route replace 10.9.0.0/24 via 10.0.2.2
sysctl -w net.ipv4.conf.hb.proxy_arp=0
ip -n a route
ip -n b link set lo up
ip netns exec b ping -c 1 -W 1 10.0.1.2
ip addr flush dev ha
ip -n b link set lo up
ip netns exec b ping -c 2 -i 0.2 -W 1 10.0.1.2
ip netns exec c ping -c 1 -W 1 10.0.2.1
ip -n a link set ea up
ip link set hb nomaster
ip -n b route replace default via 10.0.1.1
iptables -t nat -F
ip -n a route replace default via 10.0.0.1
ip -n c neigh
ip netns exec b ping -q -c 1 -W 1 10.0.2.1
ip -n a link set ea down
ip -n c link set ec up
iptables -t nat -F
bridge fdb show br br0
ip link set hc master br0
ip netns exec c ping -c 2 -i 0.2 -W 1 192.168.7.7
ip neigh
ip -n a neigh
ip -n b route replace default via 10.0.1.1
ip addr flush dev hc
ip link set hb nomaster
ping -c 1 -W 1 10.0.0.3
ip route replace 10.9.0.0/24 via 10.0.1.2
ip addr add 10.0.2.1/24 dev hc
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip netns exec a ping -q -c 1 -W 1 10.0.0.1
ip -n b link set x down
ip netns exec b ping -c 1 -W 1 10.0.0.1
ip -n b route replace default via 10.0.1.1
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip -n a route
ip netns exec a ping -q -c 1 -W 1 10.0.0.1
ip netns exec c ping -c 1 -W 1 10.0.2.2
ip netns exec c ping -q -c 1 -W 1 10.0.1.1
ip link set hc down
ip -n b link set eb down
ip -n b route del default
ip -n b link set lo up
ip addr add 10.0.1.1/24 dev hb
ip netns exec b ping -c 1 -W 1 10.0.1.1
ip -n c neigh
ip addr flush dev ha
ip netns exec c ping -q -c 1 -W 1 192.168.7.7
iptables -t nat -F
iptables -t nat -F
ip route get 10.9.0.1
ip -n b neigh
ip addr add 10.0.2.254/24 dev br0
iptables -t nat -F
ip link set hb down
sysctl -w net.ipv4.ip_forward=0
ip -n c route del default
