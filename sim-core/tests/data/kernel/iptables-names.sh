iptables -A INPUT -s 127.0.0.1 -j ACCEPT
iptables -A INPUT -i lo -s 127.0.0.0/8 -j ACCEPT
iptables -A INPUT -d 169.254.0.0/16 -j DROP
iptables -A INPUT -s localhost -d 127.0.0.0/32
iptables -A INPUT -s loopback/8
iptables -A INPUT -d 0.0.0.0/8
iptables -A INPUT -s nosuchhost
iptables -L INPUT
iptables -L INPUT -v
iptables -L INPUT -n
iptables -S INPUT
