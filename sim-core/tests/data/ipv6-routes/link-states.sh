# IPv6 kernel routes vs link state: down, up without carrier, carrier, carrier lost, down.
ip netns add a
ip netns add b
ip link add v1 address 02:00:00:00:09:01 type veth peer name v2 address 02:00:00:00:09:02
ip link set v1 netns a
ip link set v2 netns b
ip -n a -6 addr add 2001:db8:9::1/64 dev v1
ip -n a -6 addr add 2001:db8:8::1/64 dev v1 nodad
ip -n a -6 route show table all
ip -n a link set lo up
ip -n a link set v1 up
ip -n a -6 addr show dev v1
ip -n a -6 route show table all
ip -n a -6 addr add 2001:db8:7::1/64 dev v1 nodad
ip -n a -6 addr add 2001:db8:6::1/64 dev v1 nodad valid_lft 100 preferred_lft 100
ip -n a -6 route show table all
ip -n a -6 route add 2001:db8:50::/64 dev v1
ip -n b link set v2 up
ip -n a -6 route show table all
sleep 3
ip -n a -6 route show table all
ip -n a -6 route add 2001:db8:51::/64 via 2001:db8:9::5
ip -n a -6 route add 2001:db8:52::/64 via 2001:db8:9::5 dev v1 metric 256 pref low
ip -n a -6 route add 2001:db8:52::/64 via 2001:db8:9::6 dev v1 metric 256
ip -n a -6 route add 2001:db8:52::/64 dev v1 metric 256
ip -n a -6 route
ip -n a -6 route get 2001:db8:52::1
ip -n b link set v2 down
ip -n a -6 route show table all
ip -n a -6 route get 2001:db8:9::2
ip -n a link set v1 down
ip -n a -6 route show table all
ip -n a -6 addr show dev v1
ip -n a link set v1 up
ip -n a -6 route show table all
ip -n a -6 route add 2001:db8:53::/64 dev v1 pref bogus
ip -n a -6 route add 2001:db8:53::/64 dev v1 metric 5 metric 6
ip -n a -6 route del 2001:db8:50::/64 dev v1
ip -n a -6 route show 2001:db8::/32
ip -n a -6 route show match 2001:db8:9::1
ip -n a -6 route show root 2001:db8:8::/48
ip -n a -6 route show exact 2001:db8:8::/64
ip -n a -6 route show dev v1 table all
ip -n a -6 route flush dev v1
ip -n a -6 route show table all
