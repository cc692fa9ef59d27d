# net.ipv6.conf.*.disable_ipv6, which the capture and HTTP recordings set first: kept and shown (the lab has no IPv6).
sysctl net.ipv6.conf.all.disable_ipv6 net.ipv6.conf.default.disable_ipv6 net.ipv6.conf.lo.disable_ipv6
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
sysctl net.ipv6.conf.all.disable_ipv6 net.ipv6.conf.default.disable_ipv6 net.ipv6.conf.lo.disable_ipv6
ip link add d0 type veth peer name d0p
sysctl net.ipv6.conf.d0.disable_ipv6
sysctl -w net.ipv6.conf.default.disable_ipv6=0
ip link add d1 type veth peer name d1p
sysctl net.ipv6.conf.d1.disable_ipv6 net.ipv6.conf.d0.disable_ipv6 net.ipv6.conf.all.disable_ipv6
sysctl -w net.ipv6.conf.all.disable_ipv6=0
sysctl net.ipv6.conf.d1.disable_ipv6 net.ipv6.conf.d0.disable_ipv6 net.ipv6.conf.default.disable_ipv6
sysctl -w net.ipv6.conf.d0.disable_ipv6=2
cat /proc/sys/net/ipv6/conf/d0/disable_ipv6
sysctl -w net.ipv6.conf.nope.disable_ipv6=1
ip netns add a
ip netns exec a sysctl net.ipv6.conf.all.disable_ipv6 net.ipv6.conf.lo.disable_ipv6
ip netns del a
ip link del d0
