# net.ipv6.conf.*.disable_ipv6: all sets every device, a new device takes default's, a device with IPv6 off has no link-local (lo no ::1), switching it on gives one.
ip netns add x
ip netns exec x sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip -n x link add name a type veth peer name b
ip -n x link set dev a up
ip -n x link set dev b up
ip -n x link set lo up
ip -n x addr
ip netns exec x sysctl net.ipv6.conf.all.disable_ipv6 net.ipv6.conf.a.disable_ipv6 net.ipv6.conf.default.disable_ipv6
ip netns exec x sysctl -w net.ipv6.conf.b.disable_ipv6=0
sleep 0.1; ip -n x -br addr
ip netns exec x sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip -n x -br addr
ip netns add y
ip -n y link set lo up
ip -n y -br addr
ip netns exec y sysctl -w net.ipv6.conf.lo.disable_ipv6=1
ip -n y -br addr
ip netns del x
ip netns del y
