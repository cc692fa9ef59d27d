# random-packets.py 3 200: generated; recorded on a real kernel
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
ip link set ha nomaster
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip route
ip -n b link set y down
ip -n b link set y down
ip netns exec b ping -c 1 -W 1 10.0.2.2
ip netns exec c ping -c 2 -i 0.2 -W 1 10.0.2.1
ip link set hb down
ip -n c link set lo up
ip -n b route replace default via 10.0.1.1
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip route get 127.0.0.1
ip netns exec a sysctl -w net.ipv4.ip_forward=1
ip netns exec c ip route get 192.168.7.7
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
iptables -t nat -F
ip netns exec c ping -c 1 -W 1 10.0.3.9
ip -n b route replace default via 10.0.1.1
ip -n c link set lo down
ip -n c link set ec up
ping -c 2 -i 0.2 -W 1 10.9.0.2
ip -n c link set ec up
ip netns exec a sysctl -w net.ipv4.ip_forward=1
ip netns exec a sysctl -w net.ipv4.ip_forward=1
ip addr add 10.0.0.254/24 dev br0
ip addr flush dev ha
ip netns exec c sysctl -w net.ipv4.ip_forward=1
ip -n a link set ea up
ip addr add 10.0.0.254/24 dev br0
ip -n a link set ea down
sysctl -w net.ipv4.conf.hb.proxy_arp=0
ip -n a link set y down
ip netns exec c ping -c 1 -W 1 10.0.0.2
sysctl -w net.ipv4.ip_forward=0
ip -n b link set x up
sysctl -w net.ipv4.conf.ha.proxy_arp=1
ip route
sysctl -w net.ipv4.conf.hb.proxy_arp=1
ip netns exec a ping -c 1 -W 1 10.0.1.1
ip netns exec b ip route get 127.0.0.1
ip route replace 10.9.0.0/24 via 10.0.0.2
iptables -t nat -F
ip netns exec c ping -c 1 -W 1 10.0.2.2
ip netns exec c ping -c 1 -W 1 192.168.7.7
ip netns exec b ping -c 1 -W 1 127.0.0.1
ip netns exec b ip route get 10.0.0.3
ip -n a route replace default via 10.0.0.1
ip route replace 10.9.0.0/24 via 10.0.0.2
ip addr add 10.0.3.254/24 dev br0
ip -n a route replace default via 10.0.0.1
ip addr add 10.0.2.1/24 dev hc
ip addr add 10.0.0.254/24 dev br0
ip addr add 10.0.1.1/24 dev hb
iptables -t nat -F
iptables -t nat -F
ping -c 1 -W 1 127.0.0.1
ip netns exec b ping -c 1 -W 1 10.0.2.2
ip netns exec b sysctl -w net.ipv4.ip_forward=1
ip -n a link set x up
ip addr add 10.0.1.1/24 dev hb
ip addr add 10.0.2.1/24 dev hc
ip -n a link set ea down
ip -n a link set x up
ip -n c route replace default via 10.0.2.1
ip netns exec b ping -c 2 -i 0.2 -W 1 10.0.1.2
ip -n c link set lo up
sysctl -w net.ipv4.conf.hb.proxy_arp=1
ip -n b link set lo down
ping -c 2 -i 0.2 -W 1 10.9.0.1
ip -n a link set lo down
bridge fdb show br br0
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip link set hb down
ping -c 1 -W 1 10.0.1.1
ip -n c link set lo down
ip netns exec c ping -c 1 -W 1 10.0.2.2
ip -n a route del default
ip link set hc down
ip -n c link set lo up
ip route replace 10.9.0.0/24 via 10.0.2.2
ip addr add 10.0.1.1/24 dev hb
ip -n b link set lo down
ip route get 10.0.0.2
ip route
ip -n a neigh
ip link set hb down
ip netns exec a sysctl -w net.ipv4.ip_forward=1
ip route get 10.0.1.2
sysctl -w net.ipv4.ip_forward=0
ip -n a neigh
ip -n a link set x down
ip -n a route replace default via 10.0.0.1
ip link set hc master br0
ip route replace 10.9.0.0/24 via 10.0.2.2
ping -c 1 -W 1 10.9.0.1
ip -n b link set x down
ip link set hb master br0
sysctl -w net.ipv4.ip_forward=1
ip addr flush dev ha
ip -n b route del default
iptables -t nat -F
ip netns exec c ping -c 1 -W 1 10.0.0.3
ip -n c route replace default via 10.0.2.1
ip addr add 10.0.0.254/24 dev br0
ip neigh
bridge fdb show br br0
ip -n b neigh
ip -n b link set eb up
ip route
sysctl -w net.ipv4.conf.hb.proxy_arp=1
ip link set hc up
ip netns exec b ping -q -c 1 -W 1 10.0.3.9
ip link set hb up
iptables -t nat -F
ip netns exec a ping -c 2 -i 0.2 -W 1 10.0.2.2
sysctl -w net.ipv4.conf.hc.proxy_arp=1
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ping -q -c 1 -W 1 192.168.7.7
ip netns exec b ping -c 2 -i 0.2 -W 1 10.9.0.2
ip netns exec a ping -q -c 1 -W 1 10.0.1.2
ip -n b route del default
ip addr add 10.0.0.1/24 dev ha
ip netns exec c ping -c 1 -W 1 10.9.0.1
ip -n a neigh
ip addr add 10.0.1.1/24 dev hb
ip -n a route replace default via 10.0.0.1
ping -c 1 -W 1 10.0.1.1
ip -n b route del default
ip -n a link set x down
ip addr add 10.0.1.1/24 dev hb
ping -c 1 -W 1 192.168.7.7
ip -n c link set ec up
ip netns exec b ip route get 10.0.1.2
ip -n c route replace default via 10.0.2.1
ip -n c link set lo up
ip addr add 10.0.2.1/24 dev hc
bridge fdb show br br0
ip addr add 10.0.1.1/24 dev hb
ip -n b route
ip link set ha up
ip -n a link set lo up
ip netns exec a ping -c 1 -W 1 10.0.1.1
bridge fdb show br br0
ip -n c link set lo up
ip -n a link set y down
bridge fdb show br br0
ip route get 10.0.2.1
ip -n c route replace default via 10.0.2.1
ip netns exec a ping -c 2 -i 0.2 -W 1 10.0.1.2
iptables -t nat -F
bridge fdb show br br0
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip -n c route del default
ip netns exec c ping -c 1 -W 1 10.9.0.2
ip link set ha up
ip route get 10.0.0.2
ip -n c neigh
ip -n b route replace default via 10.0.1.1
ip route replace 10.9.0.0/24 via 10.0.0.2
ip link set hb up
ip netns exec a ping -q -c 1 -W 1 192.168.7.7
sysctl -w net.ipv4.ip_forward=1
ip -n a route
ip netns exec c ping -c 1 -W 1 10.0.0.3
ip link set hc down
ip -n b link set eb up
ip -n b neigh
ip -n c link set lo down
iptables -t nat -F
ip route get 10.0.3.9
ip netns exec c sysctl -w net.ipv4.ip_forward=0
sysctl -w net.ipv4.conf.hb.proxy_arp=1
ip -n a route replace default via 10.0.0.1
ip netns exec a sysctl -w net.ipv4.ip_forward=0
ip addr add 10.0.2.1/24 dev hc
ip -n b route del default
ip -n c route del default
sysctl -w net.ipv4.ip_forward=0
ip -n b link set lo down
ip netns exec c sysctl -w net.ipv4.ip_forward=1
sysctl -w net.ipv4.conf.hc.proxy_arp=0
ip -n a link set x up
ip netns exec a ping -c 1 -W 1 10.0.0.3
ip -n c route replace default via 10.0.2.1
ip addr add 10.0.0.1/24 dev ha
ip addr add 10.0.2.1/24 dev hc
sysctl -w net.ipv4.conf.ha.proxy_arp=0
bridge fdb show br br0
ip -n a neigh
ping -c 1 -W 1 192.168.7.7
ip netns exec c ping -c 2 -i 0.2 -W 1 10.0.2.1
ip netns exec b ip route get 10.0.1.1
ip netns exec b ping -c 2 -i 0.2 -W 1 10.0.0.1
ip netns exec c ping -c 1 -W 1 10.0.2.1
ping -c 1 -W 1 10.0.0.3
ip -n a link set ea down
sysctl -w net.ipv4.ip_forward=0
ip -n b neigh
ip -n a route replace default via 10.0.0.1
ip link set hb down
