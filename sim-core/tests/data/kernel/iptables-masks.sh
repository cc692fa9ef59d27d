iptables -A INPUT -s 10.0.0.1/255.0.255.0
iptables -A INPUT -d 10.0.0.1/255.255.255.0
iptables -S INPUT
iptables -L INPUT -n
