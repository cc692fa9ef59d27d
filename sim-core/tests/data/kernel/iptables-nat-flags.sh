iptables -t nat -A POSTROUTING -j SNAT --random --to-source 1.2.3.4 --persistent
iptables -t nat -A POSTROUTING -j MASQUERADE --random
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.2.3.4 --persistent
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 10-20 --random
iptables -t nat -A POSTROUTING -p udp -j SNAT --to-source 1.2.3.4-1.2.3.8:1000-2000 --random
iptables -t nat -S
iptables -t nat -L -n
iptables -t nat -L -v
iptables-save -t nat
