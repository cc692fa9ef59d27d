iptables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 -j DROP
iptables -A INPUT -m iprange ! --dst-range 10.0.0.5-10.0.0.1
iptables -A INPUT -m iprange --src-range 10.0.0.1
iptables -A INPUT -m iprange --src-range x-y
iptables -A INPUT -m iprange --dst-range 10.0.0.1-300.0.0.1
iptables -A INPUT -m iprange
iptables -A INPUT -m iprange --src-range 1.1.1.1-2.2.2.2 ! --dst-range 3.3.3.3-4.4.4.4
iptables -S INPUT
iptables -L INPUT
iptables -L INPUT -n -v
