# IPv6 routes: the kernel's own fe80::/64, local and multicast routes, add/del/replace/show/get, via fe80:: with dev, metrics, route types, errors.
ip netns add r1
ip netns add r2
ip link add veth1 address 02:00:00:00:04:01 type veth peer name veth2 address 02:00:00:00:04:02
ip link add nov6 address 02:00:00:00:04:03 type veth peer name nov6peer address 02:00:00:00:04:04
ip link set veth1 netns r1
ip link set veth2 netns r2
ip link set nov6 netns r1
ip -n r1 -6 route show table all
ip -n r1 link set lo up
ip -n r1 link set veth1 up
ip -n r2 link set veth2 up
ip -n r1 -6 addr add 2001:db8:1::1/64 dev veth1 nodad
ip -n r2 -6 addr add 2001:db8:1::2/64 dev veth2 nodad
ip netns exec r1 sysctl -w net.ipv6.conf.nov6.disable_ipv6=1
ip -n r1 link set nov6 up
sleep 3
ip -n r1 -6 route
ip -n r1 -6 route show table main
ip -n r1 -6 route show table local
ip -n r1 -6 route show table all
ip -n r1 route show table all
ip -n r1 -6 route add 2001:db8:100::/48 via 2001:db8:1::2
ip -n r1 -6 route add 2001:db8:101::/48 via fe80::ff:fe00:402 dev veth1
ip -n r1 -6 route add 2001:db8:102::/48 via fe80::ff:fe00:402
ip -n r1 -6 route add default via 2001:db8:1::2
ip -n r1 -6 route add default via fe80::ff:fe00:402 dev veth1 metric 2048
ip -n r1 -6 route add 2001:db8:103::/64 dev veth1 metric 10
ip -n r1 -6 route add 2001:db8:103::/64 dev veth1 metric 20
ip -n r1 -6 route add 2001:db8:103::/64 dev veth1 metric 10
ip -n r1 -6 route show 2001:db8:103::/64
ip -n r1 -6 route replace 2001:db8:103::/64 via 2001:db8:1::5 metric 10
ip -n r1 -6 route del 2001:db8:103::/64 metric 20
ip -n r1 -6 route del 2001:db8:104::/64
ip -n r1 -6 route
ip -n r1 -6 route show default
ip -n r1 -6 -j route show 2001:db8:100::/48
ip -n r1 -6 route get 2001:db8:100::1
ip -n r1 -6 route get 2001:db8:101::1
ip -n r1 -6 route get 2001:db8:1::2
ip -n r1 -6 route get 2001:db8:1::1
ip -n r1 -6 route get ::1
ip -n r1 -6 route get fe80::ff:fe00:402
ip -n r1 -6 route get fe80::ff:fe00:402 oif veth1
ip -n r1 -6 route get 2001:db8:100::1 from 2001:db8:1::1
ip -n r1 -6 route get 2001:db8:100::1 from 2001:db8:99::1
ip -n r1 -6 route get 2001:db8:100::1 from 2001:db8:1::2 iif veth1
ip -n r1 -6 route get ff02::1
ip -n r1 route get 2001:db8:100::1
ip -n r1 -6 route get 2001:db8::zz
ip -n r1 -6 route add 2001:db8:200::/129 dev veth1
ip -n r1 -6 route add 2001:db8:200::/64 via 10.0.0.1
ip -n r1 -6 route add 2001:db8:200::/64 dev nosuch
ip -n r1 -6 route add 2001:db8:200::/64 via 2001:db8:99::1
ip -n r1 -6 route add 2001:db8:200::/64 dev nov6
ip -n r1 -6 route add 2001:db8:200::/64 via fe80::1 dev nov6
ip -n r1 route add 2001:db8:201::/64 via 2001:db8:1::2
ip -n r1 -6 route add 10.1.0.0/16 dev veth1
ip -n r1 -6 route add unreachable 2001:db8:300::/64
ip -n r1 -6 route add blackhole 2001:db8:301::/64
ip -n r1 -6 route add prohibit 2001:db8:302::/64
ip -n r1 -6 route add 2001:db8:303::/64 dev veth1 pref high mtu 1280
ip -n r1 -6 route
ip -n r1 -6 route get 2001:db8:300::1
ip netns exec r1 ping -6 -c 1 2001:db8:300::1
ip netns exec r1 ping -6 -c 1 2001:db8:302::1
ip -n r1 -6 route del default
ip -n r1 -6 route show default
ip -n r1 -6 route add 2001:db8:400::/64 dev veth1 table 100
ip -n r1 -6 route show table 100
ip -n r1 -6 route flush table 100
ip -n r1 -6 route show table 100
ip -n r1 -6 route flush 2001:db8:100::/48
ip -n r1 -6 route
