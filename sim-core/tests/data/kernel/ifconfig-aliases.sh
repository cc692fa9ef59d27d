# ifconfig aliases (dev:x): an address labelled dev:x, its own up (nothing)
# and down (deleted), the device's mtu and flags.
ip link add v1 type veth peer name v2
ifconfig v1:a 10.0.6.1
ip addr show dev v1
ifconfig v1:a
ifconfig v1 10.0.7.1/24
ifconfig v1:b 10.0.8.1/16
ip addr show dev v1
ifconfig -a
ifconfig v1:a 10.0.6.9
ip addr show dev v1
ifconfig v1:a down
ip addr show dev v1
ifconfig v1:b mtu 1400
ip link show dev v1
ifconfig nosuch:a 10.0.0.1
ifconfig v1:c netmask 255.255.0.0
ifconfig v1:c
ifconfig v1:b 0.0.0.0
ip addr show dev v1
ifconfig v1:c up
ifconfig v1:c down
ifconfig v1 0.0.0.0
ip addr show dev v1
