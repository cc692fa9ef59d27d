# Requests without an address (each family's answer), deleting a route that is not there (::/0 meets the table root's null entry; a table never made), and `ip link show nomaster`; route types as iproute2 reads them, by prefix (`x` is xresolve, `u` unreachable, `b` broadcast); `brd` values read at once in the family known so far.
ip link add br0 type bridge
ip -6 addr del dev br0
ip -6 addr add dev br0
ip addr add dev br0
ip addr del dev br0
ip -4 addr add dev br0
ip -4 addr del dev br0
ip -6 addr add dev br0 nodad
ip -6 route del default
ip -6 route del default dev br0
ip -6 route del default metric 5
ip -6 route del ::/0 table 100
ip -6 route del default via fe80::1 dev br0
ip link show nomaster
ip link show nomaster master
ip -br link show master br0
ip link show nomaster type bridge
ip link set br0 up
ip route add default via fe80::1 x br0
ip route add x 10.9.0.0/16 dev br0
ip route add th 10.9.0.0/16 dev br0
ip route add un 10.8.0.0/16
ip route add any dev br0
ip route add m 10.7.0.0/16 dev br0
ip route add b 10.6.0.0/16 dev br0
ip route show table all type broadcast
ip -6 route add u 2001:db8::/64 dev br0
ip -6 route
ip route show
ip link add br1 type bridge
ip addr add brd dev br1
ip addr add brd zz dev br1
ip addr add 10.0.0.1/24 brd zz dev br1
ip -4 addr add brd zz dev br1
ip addr add 10.0.0.1/24 brd 10.0.0.255 brd 10.0.0.254 dev br1
ip addr add brd 10.0.0.255 10.0.0.1/24 dev br1
ip addr show dev br1
ip -6 addr add brd 10.0.0.255 2001:db8::1/64 dev br1
ip addr add 2001:db8::2/64 brd + dev br1
ip addr add brd 2001:db8::ff 10.0.0.9/24 dev br1
