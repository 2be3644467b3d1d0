/**
 * /etc/protocols and /etc/services, abridged from netbase 6.4 (which Alpine
 * ships inside alpine-baselayout-data and Debian in the netbase package).
 * The entries kept are the ones a learner is likely to look up.
 */
import { text } from './fs.ts';

export const PROTOCOLS = text`
  # Internet (IP) protocols
  #
  # Updated from http://www.iana.org/assignments/protocol-numbers and other
  # sources.
  # (abridged in Berth's images: the common protocols only)

  ip	0	IP		# internet protocol, pseudo protocol number
  hopopt	0	HOPOPT		# IPv6 Hop-by-Hop Option [RFC1883]
  icmp	1	ICMP		# internet control message protocol
  igmp	2	IGMP		# Internet Group Management
  ggp	3	GGP		# gateway-gateway protocol
  ipencap	4	IP-ENCAP	# IP encapsulated in IP (officially \`\`IP'')
  st	5	ST		# ST datagram mode
  tcp	6	TCP		# transmission control protocol
  egp	8	EGP		# exterior gateway protocol
  igp	9	IGP		# any private interior gateway (Cisco)
  pup	12	PUP		# PARC universal packet protocol
  udp	17	UDP		# user datagram protocol
  hmp	20	HMP		# host monitoring protocol
  xns-idp	22	XNS-IDP		# Xerox NS IDP
  rdp	27	RDP		# "reliable datagram" protocol
  iso-tp4	29	ISO-TP4		# ISO Transport Protocol class 4 [RFC905]
  dccp	33	DCCP		# Datagram Congestion Control Prot. [RFC4340]
  xtp	36	XTP		# Xpress Transfer Protocol
  ddp	37	DDP		# Datagram Delivery Protocol
  idpr-cmtp 38	IDPR-CMTP	# IDPR Control Message Transport
  ipv6	41	IPv6		# Internet Protocol, version 6
  ipv6-route 43	IPv6-Route	# Routing Header for IPv6
  ipv6-frag 44	IPv6-Frag	# Fragment Header for IPv6
  idrp	45	IDRP		# Inter-Domain Routing Protocol
  rsvp	46	RSVP		# Reservation Protocol
  gre	47	GRE		# General Routing Encapsulation
  esp	50	IPSEC-ESP	# Encap Security Payload [RFC2406]
  ah	51	IPSEC-AH	# Authentication Header [RFC2402]
  skip	57	SKIP		# SKIP
  ipv6-icmp 58	IPv6-ICMP	# ICMP for IPv6
  ipv6-nonxt 59	IPv6-NoNxt	# No Next Header for IPv6
  ipv6-opts 60	IPv6-Opts	# Destination Options for IPv6
  rspf	73	RSPF CPHB	# Radio Shortest Path First (officially CPHB)
  vmtp	81	VMTP		# Versatile Message Transport
  eigrp	88	EIGRP		# Enhanced Interior Routing Protocol (Cisco)
  ospf	89	OSPFIGP		# Open Shortest Path First IGP
  ax.25	93	AX.25		# AX.25 frames
  ipip	94	IPIP		# IP-within-IP Encapsulation Protocol
  etherip	97	ETHERIP		# Ethernet-within-IP Encapsulation [RFC3378]
  encap	98	ENCAP		# Yet Another IP encapsulation [RFC1241]
  pim	103	PIM		# Protocol Independent Multicast
  ipcomp	108	IPCOMP		# IP Payload Compression Protocol
  vrrp	112	VRRP		# Virtual Router Redundancy Protocol [RFC5798]
  l2tp	115	L2TP		# Layer Two Tunneling Protocol [RFC2661]
  isis	124	ISIS		# IS-IS over IPv4
  sctp	132	SCTP		# Stream Control Transmission Protocol
  fc	133	FC		# Fibre Channel
  mobility-header 135 Mobility-Header # Mobility Support for IPv6 [RFC3775]
  udplite	136	UDPLite		# UDP-Lite [RFC3828]
  mpls-in-ip 137	MPLS-in-IP	# MPLS-in-IP [RFC4023]
  manet	138			# MANET Protocols [RFC5498]
  hip	139	HIP		# Host Identity Protocol
  shim6	140	Shim6		# Shim6 Protocol [RFC5533]
  wesp	141	WESP		# Wrapped Encapsulating Security Payload
  rohc	142	ROHC		# Robust Header Compression
  ethernet 143	Ethernet	# Ethernet encapsulation for SRv6 [RFC8986]
  mptcp	262	MPTCP		# Multipath TCP connection
`;

export const SERVICES = text`
  # Network services, Internet style
  #
  # Updated from https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml .
  #
  # New ports will be added on request if they have been officially assigned
  # by IANA and used in the real-world or are needed by a debian package.
  # If you need a huge list of used numbers please install the nmap package.
  # (abridged in Berth's images: the well-known services only)

  tcpmux		1/tcp				# TCP port service multiplexer
  echo		7/tcp
  echo		7/udp
  discard		9/tcp		sink null
  discard		9/udp		sink null
  systat		11/tcp		users
  daytime		13/tcp
  daytime		13/udp
  netstat		15/tcp
  qotd		17/tcp		quote
  chargen		19/tcp		ttytst source
  chargen		19/udp		ttytst source
  ftp-data	20/tcp
  ftp		21/tcp
  fsp		21/udp		fspd
  ssh		22/tcp				# SSH Remote Login Protocol
  telnet		23/tcp
  smtp		25/tcp		mail
  time		37/tcp		timserver
  time		37/udp		timserver
  whois		43/tcp		nicname
  tacacs		49/tcp				# Login Host Protocol (TACACS)
  tacacs		49/udp
  domain		53/tcp				# Domain Name Server
  domain		53/udp
  bootps		67/udp
  bootpc		68/udp
  tftp		69/udp
  gopher		70/tcp				# Internet Gopher
  finger		79/tcp
  http		80/tcp		www		# WorldWideWeb HTTP
  kerberos	88/tcp		kerberos5 krb5 kerberos-sec	# Kerberos v5
  kerberos	88/udp		kerberos5 krb5 kerberos-sec	# Kerberos v5
  iso-tsap	102/tcp		tsap		# part of ISODE
  acr-nema	104/tcp		dicom		# Digital Imag. & Comm. 300
  pop3		110/tcp		pop-3		# POP version 3
  sunrpc		111/tcp		portmapper	# RPC 4.0 portmapper
  sunrpc		111/udp		portmapper
  auth		113/tcp		authentication tap ident
  nntp		119/tcp		readnews untp	# USENET News Transfer Protocol
  ntp		123/udp				# Network Time Protocol
  epmap		135/tcp		loc-srv		# DCE endpoint resolution
  netbios-ns	137/udp				# NETBIOS Name Service
  netbios-dgm	138/udp				# NETBIOS Datagram Service
  netbios-ssn	139/tcp				# NETBIOS session service
  imap2		143/tcp		imap		# Interim Mail Access P 2 and 4
  snmp		161/tcp				# Simple Net Mgmt Protocol
  snmp		161/udp
  snmp-trap	162/tcp		snmptrap	# Traps for SNMP
  snmp-trap	162/udp		snmptrap
  bgp		179/tcp				# Border Gateway Protocol
  irc		194/tcp				# Internet Relay Chat
  ldap		389/tcp			# Lightweight Directory Access Protocol
  ldap		389/udp
  https		443/tcp				# http protocol over TLS/SSL
  https		443/udp				# HTTP/3
  microsoft-ds	445/tcp				# Microsoft Naked CIFS
  kpasswd		464/tcp
  submissions	465/tcp		ssmtp smtps urd # Submission over TLS [RFC8314]
  isakmp		500/udp				# IPSEC key management
  syslog		514/udp
  printer		515/tcp		spooler		# line printer spooler
  submission	587/tcp				# Submission [RFC4409]
  ldaps		636/tcp				# LDAP over SSL
  ldaps		636/udp
  rsync		873/tcp
  ftps		990/tcp
  imaps		993/tcp				# IMAP over SSL
  pop3s		995/tcp				# POP-3 over SSL
  socks		1080/tcp			# socks proxy server
  openvpn		1194/tcp
  openvpn		1194/udp
  ms-sql-s	1433/tcp			# Microsoft SQL Server
  ms-sql-m	1434/udp			# Microsoft SQL Monitor
  pptp		1723/tcp			# Point-to-Point Tunneling Protocol
  mqtt		1883/tcp			# MQ Telemetry Transport Protocol
  nfs		2049/tcp			# Network File System
  nfs		2049/udp			# Network File System
  iscsi-target	3260/tcp
  mysql		3306/tcp
  ms-wbt-server	3389/tcp
  svn		3690/tcp	subversion	# Subversion protocol
  sip		5060/tcp			# Session Initiation Protocol
  sip		5060/udp
  xmpp-client	5222/tcp	jabber-client	# Jabber Client Connection
  xmpp-server	5269/tcp	jabber-server	# Jabber Server Connection
  postgresql	5432/tcp	postgres	# PostgreSQL Database
  amqp		5672/tcp
  x11		6000/tcp	x11-0		# X Window System
  redis		6379/tcp
  ircd		6667/tcp			# Internet Relay Chat
  http-alt	8080/tcp	webcache	# WWW caching service
  git		9418/tcp			# Git Version Control System
  zabbix-agent	10050/tcp			# Zabbix Agent
  zabbix-trapper	10051/tcp			# Zabbix Trapper
`;
