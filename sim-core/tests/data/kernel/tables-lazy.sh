# Which tables and chains exist before and after each command (iptables-nft creates them lazily); edge cases of names and numbers.
iptables-save
nft list tables
iptables -S
iptables-save
nft list tables
iptables -t nat -L -n
iptables-save
nft list tables
iptables -t nat -S
iptables-save -t nat
iptables -t nat -A POSTROUTING -j MASQUERADE
iptables-save
nft list tables
iptables -t nat -F
iptables-save
iptables -t mangle -S
iptables -t raw -L -n
nft list tables
iptables -X INPUT
iptables -F
iptables -X INPUT
iptables -A INPUT -j ACCEPT
iptables -X INPUT
iptables -E INPUT IN
iptables -N abcdefghijklmnopqrstuvwxyz01
iptables -N abcdefghijklmnopqrstuvwxyz012
iptables -N abcdefghijklmnopqrstuvwxyz0123
iptables -S
iptables -X abcdefghijklmnopqrstuvwxyz01
iptables -X abcdefghijklmnopqrstuvwxyz012
iptables -N DROP
iptables -N RETURN
iptables -N LOG
iptables -N REJECT
iptables -N log
iptables -N -
iptables -N ''
iptables -N 'a b'
iptables -N '!x'
iptables -S
iptables -X
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -D INPUT -s 10.0.0.1 -j ACCEPT
iptables -S INPUT
iptables -D INPUT -s 10.0.0.1/32 -j ACCEPT
iptables -S INPUT
iptables -D INPUT 1
iptables -S INPUT
iptables -D INPUT 1
iptables -A INPUT -s 10.0.0.5/24
iptables -A INPUT -d 0.0.0.0/0
iptables -A INPUT -s 0/0
iptables -A INPUT ! -s 0.0.0.0/0
iptables -A INPUT -s 10.0.0.1,10.0.0.2 -j ACCEPT
iptables -A INPUT -p ICMP
iptables -A INPUT -p 1
iptables -A INPUT -p 6
iptables -A INPUT -p 0
iptables -A INPUT -p all
iptables -A INPUT ! -p icmp
iptables -A INPUT -p icmp ! --icmp-type 8
iptables -A INPUT -p icmp --icmp-type any
iptables -A INPUT -p tcp ! --dport 22
iptables -A INPUT -p tcp --dport 22:
iptables -A INPUT -p tcp --dport :1023
iptables -A INPUT -p udp -m multiport --sports 53,67:68
iptables -A INPUT -m conntrack ! --ctstate NEW
iptables -A INPUT -m state --state INVALID
iptables -A INPUT -m state --state UNTRACKED
iptables -A INPUT -i eth+
iptables -A INPUT ! -i lo
iptables -A INPUT -j REJECT --reject-with icmp-host-unreachable
iptables -A INPUT -j REJECT --reject-with host-unreach
iptables -A INPUT -j REJECT --reject-with net-prohib
iptables -A INPUT -j REJECT --reject-with tcp-rst
iptables -A INPUT -p tcp -j REJECT --reject-with tcp-rst
iptables -A INPUT -m comment --comment plain
iptables -A INPUT -m comment --comment 'two words' -j DROP
iptables -S INPUT
iptables -L INPUT -n --line-numbers
iptables -L INPUT --line-numbers
iptables -L INPUT -v -n
iptables-save -t filter
iptables -F
iptables -S
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -C INPUT -s 10.0.0.1 -j ACCEPT
iptables -C INPUT -s 10.0.0.2 -j ACCEPT
iptables -C INPUT 1
iptables -L INPUT 1 -n
iptables -L INPUT 2 -n
iptables -L INPUT 1 -n -v --line-numbers
iptables -S INPUT 1
iptables -S INPUT 2
iptables -S INPUT 0
iptables -Z INPUT 2
iptables -Z INPUT 0
iptables-save | iptables-restore
iptables -S
iptables-save | sed 's/ACCEPT$/DROP/' | iptables-restore
iptables -S
printf '*filter\n-A INPUT -j FOO\nCOMMIT\n' | iptables-restore
printf '*filter\n:INPUT DROP [5:500]\nCOMMIT\n' | iptables-restore
iptables -L INPUT -n -v
printf '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\n' | iptables-restore
iptables-restore -n < /dev/null
iptables -S
