iptables -A INPUT -m limit --limit 5/min -j LOG --log-prefix "denied: "
iptables -A INPUT -m limit --limit 3/s --limit-burst 10
iptables -A INPUT -m limit
iptables -A INPUT -m limit --limit 1/hour
iptables -A INPUT -m limit --limit 2/day --limit-burst 1
iptables -A INPUT -m limit --limit 100/second
iptables -A INPUT -m limit --limit 7/m
iptables -A INPUT -m limit --limit 13/min
iptables -A INPUT -m limit ! --limit 5/min
iptables -A INPUT -m limit --limit 0/min
iptables -A INPUT -m limit --limit 5/year
iptables -A INPUT -m limit --limit x
iptables -A INPUT -m limit --limit-burst 0
iptables -A INPUT -m limit --limit-burst 20000
iptables -A INPUT -m limit --limit 10000/s
iptables -S INPUT
iptables -L INPUT
iptables -L INPUT -n
iptables-save
