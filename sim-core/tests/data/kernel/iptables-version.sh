iptables -A INPUT -V
iptables ! -V
iptables -A INPUT -h | head -3
iptables -A INPUT --foo -V
iptables -S
