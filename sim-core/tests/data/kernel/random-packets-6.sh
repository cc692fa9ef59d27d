# random-packets.py 6 200: generated; recorded on a real kernel
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
ip -n a -6 addr add 2001:db8:0::2/64 dev ea nodad
ip -6 addr add 2001:db8:0::1/64 dev ha nodad
ip -n b -6 addr add 2001:db8:1::2/64 dev eb nodad
ip -6 addr add 2001:db8:1::1/64 dev hb nodad
ip -n c -6 addr add 2001:db8:2::2/64 dev ec nodad
ip -6 addr add 2001:db8:2::1/64 dev hc nodad
ip -n a -6 addr add 2001:db8:9::1/64 dev x nodad
ip -n b -6 addr add 2001:db8:9::2/64 dev y nodad
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip netns exec a ping -q -c 1 -W 1 127.0.0.1
ping -6 -c 1 -W 1 2001:db8:1::2
ip -n a link set ea down
ip -n b link set y down
ip -6 route
sysctl -w net.ipv4.conf.ha.proxy_arp=0
ip netns exec c ping -c 1 -W 1 2001:db8:9::2
ip link set hc2 name hc
ip link set hc down
ip route replace 10.9.0.0/24 via 10.0.1.2
ping -c 1 -W 1 2001:db8::2
sysctl -w net.ipv4.ip_forward=-1
ip netns exec b ping -c 1 -W 1 10.0.2.1
ip -n b -6 route del default
ip -n b -6 route replace default via 2001:db8:1::1
ip -n c link set veth0 name ec
ip -n b -4 neigh
ip -n a -6 route
ip -n a link set ea name veth%d
ip netns exec c ping -6 -c 2 -i 0.2 -W 1 2001:db8:2::2
ip addr add 10.0.0.1/24 dev ha
ip addr flush dev hc
ip addr add 10.0.0.1/24 dev ha
sysctl -w net.ipv6.conf.all.forwarding=1
iptables -t nat -F
sysctl -w net.ipv4.ip_forward=0
ip addr add 10.0.0.1/24 dev ha
ip -n b link set eb netns b
ip -6 addr add 2001:db8:2::1/64 dev hc nodad
ip -n c route del default
ip -n b -6 neigh show 2001:db8:7::7
ip netns exec a sysctl -w net.ipv6.conf.all.forwarding=0
ip addr add 10.0.0.1/24 dev ha
ip link add ha type veth
sysctl -w net.ipv4.conf.hb.proxy_arp=0
ip -n b -6 route replace default via 2001:db8:1::1
ip -n a link set eb netns b
ip route replace 10.9.0.0/24 via 10.0.0.2
ip link set hb2 name hb
ip -n a addr add 10.0.0.2/24 dev ea
sysctl -w net.ipv4.conf.hb.proxy_arp=0
sysctl -w net.ipv4.ip_forward=0
ip -n c link set ec up
ping -c 1 -W 1 192.168.7.7
ip addr add 10.0.0.1/24 dev ha
ip -n a link set lo up
ip netns exec c ping -c 1 -W 1 2001:db8:2::2
ping -c 1 -W 1 10.0.0.3
ip -6 addr add 2001:db8:1::254/64 dev br0 nodad
ip netns exec c ping -c 1 -W 1 10.0.2.1
sysctl -w net.ipv4.conf.ha.forwarding=1
ip link add hb type veth
sysctl -w net.ipv4.ip_forward=-1
ip netns exec a ping -6 -c 2 -i 0.2 -W 1 2001:db8::3
ip -6 addr add 2001:db8:1::1/64 dev hb nodad
ip -6 route get ::1
sysctl -w net.ipv4.conf.hb.proxy_arp=0
ip -n a -6 route del default
ip -n b link set eb up
ip netns exec a sysctl -w net.ipv4.ip_forward=0
ip link set ha2 name ha
bridge fdb show br br0
ip addr add 10.0.0.254/24 dev br0
ip netns exec b ping -c 1 -W 1 10.0.2.2
ip -n c route del default
ip -n a -6 route del default
ip -n a -6 route replace default via 2001:db8:0::1
ip -6 addr flush dev hb scope global
ip link set ha name ha2
ip netns exec c sysctl -w net.ipv4.conf.all.forwarding=-1
ip -6 route replace 2001:db8:9::/64 via 2001:db8:0::2
ip netns exec a sysctl -w net.ipv4.conf.all.forwarding=-1
sysctl -w net.ipv6.conf.all.forwarding=0
ip netns exec a ip route get 10.0.0.2
bridge fdb show br br0
ip -n b -6 route replace default via 2001:db8:1::1
ip link add hc type veth
sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec c ip route get 127.0.0.1
ip -n c -6 route del default
ip netns exec a sysctl -w net.ipv4.ip_forward=1
ip -6 addr add 2001:db8:0::254/64 dev br0 nodad
sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec b sysctl -w net.ipv6.conf.all.forwarding=0
ip netns exec a ping -c 1 -W 1 10.0.1.1
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip -6 addr add 2001:db8:0::1/64 dev ha nodad
ip netns exec b ping -c 1 -W 1 10.0.1.2
ip netns exec a sysctl -w net.ipv4.conf.all.forwarding=2
ip -n c link set lo down
ip netns exec b ping -6 -c 1 -W 1 2001:db8:7::7
ip -n c route del default
ip -n b -6 route
ip -n b route
ip -n a -6 neigh show ::1
ip -n b -6 route del default
ip -n a -br addr
ip -n a link set ea up
ip -n a -4 neigh
ip netns exec b sysctl -w net.ipv4.ip_forward=0
ip -n b link set y down
ip -n a -6 neigh show 2001:db8:1::2
ip link set hb name hb2
ip -n a link set lo down
sysctl -w net.ipv4.conf.all.proxy_arp=0
ip -n c link set ec down
ip link set hc master br0
ip addr add 10.0.0.254/24 dev br0
ip -n c route
ip -n c link set eb netns b
ip -n b link set x up
ip netns exec a ping -c 1 -W 1 2001:db8:2::1
ip -6 addr flush dev ha scope global
ip addr add 10.0.2.1/24 dev hc
ip -n b -6 route replace default via 2001:db8:1::1
ip netns exec a sysctl -w net.ipv6.conf.all.forwarding=0
ip netns exec a ping -q -c 1 -W 1 10.0.0.3
ip netns exec c ping -c 1 -W 1 2001:db8::1
ip -n a route
ip -n a -6 route replace default via 2001:db8:0::1
ping -6 -c 1 -W 1 2001:db8:2::1
ip -6 addr add 2001:db8:2::1/64 dev hc nodad
ip netns exec b sysctl -w net.ipv6.conf.all.forwarding=0
ping -c 1 -W 1 2001:db8:2::2
ip -n a link set x down
ip -6 addr flush dev ha scope global
ip addr flush dev ha
ip addr add 10.0.2.1/24 dev hc
ip addr add 10.0.3.254/24 dev br0
sysctl -w net.ipv6.conf.all.forwarding=0
sysctl -w net.ipv4.ip_forward=0
ip -n c -6 neigh show 2001:db8:9::2
ip -6 addr flush dev ha scope global
ip netns exec c ping -c 2 -i 0.2 -W 1 10.9.0.2
ip link add ha type veth
ip -n a link set y down
ip -n a link set veth0 name ea
ping -6 -c 1 -W 1 2001:db8:7::7
ip -6 neigh show 2001:db8:1::1
ip netns exec c ping -c 1 -W 1 2001:db8:1::1
ip -n c -6 route replace default via 2001:db8:2::1
iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE
ip netns exec c ip route get 10.0.1.2
ip -n b link set eb down
sysctl -w net.ipv4.conf.ha.proxy_arp=1
sysctl -w net.ipv6.conf.all.forwarding=1
ip addr add 10.0.1.1/24 dev hb
ip -n a addr add 10.0.0.2/24 dev ea
ip -n b link set eb name veth%d
ip -6 addr add 2001:db8:1::1/64 dev hb nodad
ip addr add 10.0.1.1/24 dev hb
ping -6 -c 2 -i 0.2 -W 1 2001:db8:1::1
ip netns exec b sysctl -w net.ipv6.conf.all.forwarding=1
ip link set hc nomaster
ping -c 1 -W 1 10.9.0.1
ip netns exec b ip route get 10.0.3.9
ip link set hc up
sysctl -w net.ipv4.conf.hc.proxy_arp=-3
ip route replace 10.9.0.0/24 via 10.0.2.2
ip netns exec a sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec a ip -6 route get 2001:db8::1
sysctl net.ipv4.conf.ha.forwarding net.ipv4.conf.ha.proxy_arp
ip -6 route get 2001:db8:2::1
ip netns exec a ip -6 route get 2001:db8:2::1
ip -4 neigh
ip netns exec b ping -c 1 -W 1 10.0.3.9
ip netns exec c sysctl -w net.ipv6.conf.all.forwarding=1
ping -c 2 -i 0.2 -W 1 10.0.3.9
ip addr add 10.0.0.1/24 dev ha
ip -n a -6 route replace default via 2001:db8:0::1
ip -n b route replace default via 10.0.1.1
ip netns exec b ping -c 1 -W 1 10.0.0.1
sysctl -w net.ipv6.conf.all.forwarding=1
ip -n a link set ea up
sysctl -w net.ipv6.conf.all.forwarding=1
sysctl -w net.ipv4.conf.ha.proxy_arp=0
ip addr add 10.0.3.254/24 dev br0
ip addr add 10.0.1.254/24 dev br0
bridge fdb show br br0
ip link add hb type veth
ip netns exec b ip -6 route get 2001:db8::3
ip netns exec a sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec c ping -6 -c 2 -i 0.2 -W 1 2001:db8:1::2
iptables -t nat -F
ip addr add 10.0.2.254/24 dev br0
ip -6 route replace 2001:db8:9::/64 via 2001:db8:2::2
ip netns exec c sysctl -w net.ipv6.conf.all.forwarding=0
sysctl -w net.ipv4.conf.all.proxy_arp=0
ip -6 addr add 2001:db8:2::254/64 dev br0 nodad
ip -n b -br addr
ip netns exec b ping -c 1 -W 1 10.0.0.3
sysctl -w net.ipv4.conf.hb.forwarding=1
ip link set hc up
ip -n a link set ea down
ip -n a -6 route del default
ip link set hb name hb2
ip route replace 10.9.0.0/24 via 10.0.1.2
ip netns exec a ping -c 1 -W 1 2001:db8:2::1
ip -n a link set lo up
