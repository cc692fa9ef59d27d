# procps sysctl's options: no-ops, names or values only, and an unknown one.
sysctl -z
sysctl -x net.ipv4.ip_forward
sysctl -o net.ipv4.ip_forward
sysctl -w -x
sysctl -N net.ipv4.ip_forward net.ipv4.conf.lo.forwarding
sysctl -N -w net.ipv4.ip_forward=1
sysctl -b net.ipv4.ip_forward
sysctl -n -N net.ipv4.ip_forward
sysctl -qn net.ipv4.ip_forward
sysctl -wq net.ipv4.ip_forward=0
sysctl -ez net.ipv4.ip_forward
sysctl .
sysctl -w .=1
sysctl . net.ipv4.conf.lo.rp_filter=2
sysctl . . net.ipv4.ip_forward
