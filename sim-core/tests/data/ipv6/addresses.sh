# IPv6 addresses: global (2001:db8::/32), ULA (fd00::/8) and link-local scopes, show forms, nodad, noprefixroute, lifetimes, errors.
# Fixed MACs so the kernel's EUI-64 fe80:: addresses are the same every run.
ip netns add h1
ip netns add h2
ip link add veth1 address 02:00:00:00:01:01 type veth peer name veth2 address 02:00:00:00:01:02
ip link set veth1 netns h1
ip link set veth2 netns h2
ip -n h1 -6 addr show
ip -n h1 link set lo up
ip -n h1 -6 addr show
ip -n h1 link set veth1 up
ip -n h2 link set veth2 up
sleep 3
ip -n h1 -6 addr show dev veth1
ip -n h1 -6 addr add 2001:db8:1::1/64 dev veth1 nodad
ip -n h1 -6 addr add fd00:1::1/64 dev veth1 nodad
ip -n h1 -6 addr add fe80::1/64 dev veth1 nodad
ip -n h1 -6 addr show dev veth1
ip -n h1 -6 addr show dev veth1 scope link
ip -n h1 -6 addr show dev veth1 scope global
ip -n h1 -6 addr show scope host
ip -n h1 -6 -br addr
ip -n h1 -br -6 addr show dev veth1
ip -n h1 -br addr
ip -n h1 -6 -o addr show dev veth1
ip -n h1 -6 -j addr show dev veth1
ip -n h1 -6 -j -p addr show dev lo
ip -n h1 -6 route
ip -n h1 -6 addr add 2001:db8:2::1/64 dev veth1 noprefixroute nodad
ip -n h1 -6 addr show dev veth1 to 2001:db8:2::/64
ip -n h1 -6 route
ip -n h1 -6 addr add 2001:db8:3::1/64 dev veth1 valid_lft 3600 preferred_lft 1800 nodad
ip -n h1 -6 addr show dev veth1 to 2001:db8:3::/64
ip -n h1 -6 route show 2001:db8:3::/64
ip -n h1 -6 addr add 2001:db8:4::1/64 dev veth1 valid_lft 600 preferred_lft 0 nodad
ip -n h1 -6 addr show dev veth1 to 2001:db8:4::1
ip -n h1 -6 addr add 2001:db8:5::1/64 dev veth1 preferred_lft 100 nodad
ip -n h1 -6 -o addr show dev veth1 to 2001:db8:5::/64
ip -n h1 -6 addr add 2001:db8:6::1/64 dev veth1 valid_lft 100 preferred_lft 200
ip -n h1 -6 addr add 2001:db8:1::1/64 dev veth1
ip -n h1 -6 addr add 2001:db8::1/129 dev veth1
ip -n h1 -6 addr add 2001:db8::g/64 dev veth1
ip -n h1 -6 addr add 2001:db8:::1/64 dev veth1
ip -n h1 -6 addr add 10.0.0.1/24 dev veth1
ip -n h1 addr add 2001:db8:7::1/64 dev veth1 nodad
ip -n h1 -6 addr add 2001:db8:8::1 dev veth1 nodad
ip -n h1 -6 -br addr show dev veth1
ip -n h1 -6 addr del 2001:db8:8::1/128 dev veth1
ip -n h1 -6 addr del 2001:db8:9::1/64 dev veth1
ip -n h1 -6 addr del 2001:db8:7::1 dev veth1
ip -n h1 -6 addr add 2001:db8:1::2/64 dev nosuch
ip -n h1 -6 addr show dev nosuch
ip -n h1 -6 addr flush dev veth1 scope global
ip -n h1 -6 addr show dev veth1
ip -n h1 -6 route
ip -n h1 -6 addr flush dev veth1
ip -n h1 -6 addr show dev veth1
ip -n h1 -6 route show table all
ip -n h1 addr show dev veth1
ip -n h2 -6 addr add 2001:db8:1::2/64 dev veth2
ip -n h2 -6 addr show dev veth2
ip -n h2 -6 -j addr show dev veth2
ip -n h1 -4 addr show
ip -n h2 -6 addr show up
