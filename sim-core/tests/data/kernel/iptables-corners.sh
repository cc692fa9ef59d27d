iptables -A FORWARD -j ACCEPT
iptables -Z INPUT
iptables -D INPUT 1
iptables -R OUTPUT 1 -j ACCEPT
iptables -I OUTPUT 2 -j ACCEPT
iptables -C OUTPUT -j ACCEPT
iptables -X INPUT
iptables -E OUTPUT OUT
iptables -L -Z -v -n
iptables -Z -v
iptables -F INPUT
iptables -X INPUT
iptables -S
iptables -A FOO -j BAR
iptables -A FORWARD -j INPUT
iptables -N U
iptables -A U -j FORWARD
iptables -A INPUT -j U
iptables -A U -j U
iptables -nvL INPUT
iptables -L INPUT -nv
iptables --list INPUT --num
iptables --list-r U
iptables --lis INPUT
iptables --li INPUT
iptables -A INPUT -p tcp --dpo 22 -j ACCEPT
iptables -A INPUT -p tcp --destination-port=23 -j ACCEPT
iptables -A INPUT -p tcp ! --syn -j DROP
iptables -A INPUT -p tcp --tcp-flags SYN,ACK,FIN,RST,URG,PSH ALL -j DROP
iptables -A INPUT -p tcp --tcp-flags NONE NONE -j DROP
iptables -A INPUT -p tcp --tcp-flags SYN
iptables -A INPUT -p tcp --tcp-flags FOO SYN
iptables -A INPUT -p tcp -m tcp
iptables -A INPUT -p udp -m udp --sport 67:68 --dport 1024:
iptables -A INPUT -p tcp --dport 80 --dport 81
iptables -A INPUT -p icmp --icmp-type echo
iptables -A INPUT -p icmp --icmp-type host-unreachable
iptables -A INPUT -p icmp --icmp-type 3/99
iptables -A INPUT -p icmp --icmp-type time-exceeded
iptables -A INPUT -m icmp
iptables -A INPUT -m conntrack
iptables -A INPUT -m conntrack --ctstate SNAT,DNAT
iptables -A INPUT -m state ! --state NEW,ESTABLISHED
iptables -A INPUT -m multiport --dports 80
iptables -A INPUT -p tcp -m multiport
iptables -A INPUT -p udp -m multiport ! --ports 53,5353
iptables -A INPUT -m comment
iptables -A INPUT -m physdev
iptables -A FORWARD -m physdev ! --physdev-in va --physdev-is-out ! --physdev-is-bridged
iptables -A INPUT -s 10.0.0.1/255.255.255.0
iptables -A INPUT -p gre
iptables -A INPUT -p 47
iptables -A INPUT -p 200
iptables -A INPUT -p 256
iptables -A INPUT ! -p all
iptables -A INPUT -i abcdefghijklmno -j ACCEPT
iptables -A INPUT -i abcdefghijklmnop -j ACCEPT
iptables -A INPUT ! -j ACCEPT
iptables -A INPUT ! ! -s 1.2.3.4
iptables -A INPUT -j LOG --log-macdecode --log-tcp-options
iptables -A INPUT -j LOG --log-level alert --log-prefix "it's"
iptables -A INPUT -j REJECT --reject-with icmp-admin-prohibited
iptables -A INPUT -j REJECT --reject-with admin-prohib
iptables -A INPUT -j REJECT --reject-with port-unreach
iptables -A INPUT -c 123456 7890000 -j ACCEPT
iptables -A INPUT -c 5 x -j ACCEPT
iptables -S INPUT
iptables -S INPUT -v
iptables -L INPUT
iptables -L INPUT -n -v
iptables -L INPUT -n -v -x
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1-10.0.0.9:80-90
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination :8080
iptables -t nat -A PREROUTING -p udp -j DNAT --to-destination 10.0.0.1:x
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 5000
iptables -t nat -A POSTROUTING -j SNAT --to-source 10.0.0.1-10.0.0.3
iptables -t nat -A POSTROUTING -j SNAT
iptables -t nat -A POSTROUTING -j DNAT
iptables -t nat -P POSTROUTING DROP
iptables -t nat -N X
iptables -t nat -A X -j SNAT --to-source 1.1.1.1
iptables -t nat -A X -j MASQUERADE
iptables -t nat -L -n
iptables -t nat -L
iptables -t nat -S
iptables -t nat -X X
iptables -t nat -F X
iptables -t nat -X X
iptables -t nat -S
iptables -t raw -A PREROUTING -j ACCEPT
iptables -t mangle -A FORWARD -j ACCEPT
iptables-save
iptables -X
iptables -S
