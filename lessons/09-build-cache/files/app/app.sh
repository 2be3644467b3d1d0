#!/bin/bash
echo "The message of the day:"
cat /app/message.txt
