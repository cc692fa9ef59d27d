# A flush names its table (main by default) in the dump; in a namespace
# without that table Linux says so and the flush stops (ip route show does not).
ip route show
ip route show table main
ip route flush dev lo
ip route flush table main
ip route flush table local
ip -4 route show
ip route flush dev nosuch
ip route flush all
ip link set lo up
ip route flush dev lo
ip route show table local
