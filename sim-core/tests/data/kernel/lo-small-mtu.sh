# Loopback's 127.0.0.1 comes with every up while IPv4 is on (MTU >= 68),
# whether or not the MTU allows IPv6 (::1 needs 1280).
ip link set lo mtu 68
ip link set lo up
ip addr show lo
ip link set lo mtu 65536
ip addr show lo
ip link set lo mtu 67
ip addr show lo
ip link set lo mtu 1000
ip addr show lo
ip link set lo down
ip link set lo up
ip addr show lo
ip route show table local
ip link set lo mtu 65536
ip addr show lo
ip link set lo down
ip link set lo up
ip addr show lo
