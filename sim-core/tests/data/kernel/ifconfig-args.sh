# ifconfig's arguments, one ioctl each in order: an address (SIOCSIFADDR,
# then up, then SIOCSIFNETMASK for /N with net-tools' own mask arithmetic),
# netmask, broadcast, mtu, txqueuelen; 0.0.0.0 removes the address.
ip link add v2 type veth peer name v3
ifconfig v2 broadcast 10.0.7.9
ifconfig v2 netmask 255.255.255.0
ifconfig v2 10.0.7.1/32
ifconfig v2
ifconfig v2 10.0.7.1/0
ifconfig v2
ifconfig v2 10.0.7.1/33
ifconfig v2
ifconfig v2 10.0.7.1/64
ifconfig v2
ifconfig v2 10.0.7.1/abc
ifconfig v2 10.0.7.1/-1
ifconfig v2
ifconfig v2 10.0.7.1/24 broadcast 10.0.7.200
ifconfig v2
ifconfig v2 netmask 255.0.255.0
ifconfig v2 netmask 255.255.0.0
ifconfig v2
ifconfig v2 broadcast 10.0.7.9
ip addr show dev v2
ifconfig v2 mtu 1400
ifconfig v2 mtu 50
ifconfig v2 mtu 70000
ifconfig v2 mtu x
ifconfig v2 mtu
ifconfig v2 txqueuelen 500
ifconfig v2 txqueuelen x
ifconfig v2
ifconfig v2 txqueuelen 1000
ip link show dev v2
ifconfig nosuch mtu 1400
ifconfig nosuch broadcast 10.0.0.255
ifconfig nosuch netmask 255.0.0.0
ifconfig v2 0.0.0.0
ip addr show dev v2
ifconfig v2
ifconfig v3 192.168.1.1 netmask 255.255.255.0 broadcast 192.168.1.9 mtu 1300 down
ip addr show dev v3
ifconfig v3 10.0.7.1/24 broadcast 10.0.7.200 10.0.9.1/16
ip addr show dev v3
ifconfig v3 10.0.7.1/24 mtu 1400 10.0.8.1/28 down
ip addr show dev v3
ifconfig v3 a%b
ifconfig v3 a_b
ifconfig v3 a..b
ifconfig v3 zz.
