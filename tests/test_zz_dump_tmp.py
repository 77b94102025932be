def test_dump(kit, phone, new_session, kit_store):
    session = new_session(activities=("beoordelen",))
    me = phone()
    me.join(session.code, "Inwoner")
    me.submit(score="6.5")
    page = me.submit(score="4", note="x" * 1001)
    print(page.soup.select_one("main"))
    kit_store.set_state(session.id, "beoordelen", "reveal", True)
    print(me.get(f"kit/{session.code}/beoordelen/klaar").soup.select_one("main"))
