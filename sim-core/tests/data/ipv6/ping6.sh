# ping -6 / ping6 as iputils prints them: loopback, global, link-local with %dev, -I, family from the address, bad addresses and options.
ip netns add p1
ip netns add p2
ip link add veth1 address 02:00:00:00:06:01 type veth peer name veth2 address 02:00:00:00:06:02
ip link set veth1 netns p1
ip link set veth2 netns p2
ip netns exec p1 ping -6 -c 1 ::1
ip netns exec p1 ping -c 1 ::1
ip -n p1 link set lo up
ip netns exec p1 ping -c 1 ::1
ip netns exec p1 ping6 -c 1 ::1
ip -n p1 -6 addr add 2001:db8:1::1/64 dev veth1 nodad
ip -n p2 -6 addr add 2001:db8:1::2/64 dev veth2 nodad
ip -n p1 -4 addr add 10.0.0.1/24 dev veth1
ip -n p2 -4 addr add 10.0.0.2/24 dev veth2
ip netns exec p1 ping -6 -c 1 2001:db8:1::2
ip -n p1 link set veth1 up
ip -n p2 link set veth2 up
sleep 3
ip netns exec p1 ping -6 -c 2 2001:db8:1::2
ip netns exec p1 ping6 -c 2 2001:db8:1::2
ip netns exec p1 ping -c 1 2001:db8:1::2
ip netns exec p1 ping -c 1 10.0.0.2
ip netns exec p1 ping -4 -c 1 2001:db8:1::2
ip netns exec p1 ping -6 -c 1 10.0.0.2
ip netns exec p1 ping -6 -c 1 fe80::ff:fe00:602%veth1
ip netns exec p1 ping6 -c 1 fe80::ff:fe00:602%veth1
ip netns exec p1 ping -6 -c 1 fe80::ff:fe00:602
ip netns exec p1 ping -6 -c 1 -I veth1 fe80::ff:fe00:602
ip netns exec p1 ping -6 -c 1 fe80::ff:fe00:602%nosuch
ip netns exec p1 ping -6 -c 1 -I veth1 2001:db8:1::2
ip netns exec p1 ping -6 -c 1 -I 2001:db8:1::1 2001:db8:1::2
ip netns exec p1 ping -6 -c 1 -I nosuch 2001:db8:1::2
ip netns exec p1 ping -6 -c 1 -I 2001:db8:9::9 2001:db8:1::2
ip netns exec p1 ping -6 -c 1 2001:db8::zz
ip netns exec p1 ping -6 -c 1 2001:db8:1::2/64
ip netns exec p1 ping -6 -c 1 -s 1000 2001:db8:1::2
ip netns exec p1 ping -6 -c 3 -i 0.2 -q 2001:db8:1::2
ip netns exec p1 ping -6 -c 1 -s 1500 -M do 2001:db8:1::2
ip netns exec p1 ping -6 -c 1 -s 70000 2001:db8:1::2
ip netns exec p1 ping -6 -c 0 2001:db8:1::2
ip netns exec p1 ping -6 -c 1 -t 0 2001:db8:1::2
ip netns exec p1 ping -6 -c 1 -t 256 2001:db8:1::2
ip netns exec p1 ping -6 -c 1 -W 1 2001:db8:1::99
ip netns exec p1 ping -6 -c 1 2001:db8:2::1
ip netns exec p1 ping -6 -c 1 -w 1 2001:db8:1::2
ip netns exec p1 ping -6 -c 1 -e 4660 2001:db8:1::2
ip netns exec p1 ping -6 -c 1 2001:db8:1::1
ip netns exec p1 ping -6 -c 1 ::
ip netns exec p2 ping -6 -c 1 -W 1 fe80::ff:fe00:601
ip netns exec p2 ping -6 -c 1 -W 1 fe80::ff:fe00:601%veth2
ip -n p1 link set veth1 down
ip netns exec p1 ping -6 -c 1 2001:db8:1::2
ip netns exec p1 ping -6 -c 1 -I veth1 fe80::ff:fe00:602
